/// Recognises agent chatter around an answer ("Sure! Here is a summary in 55 words or less:").
///
/// Chatter is not a claim, and its numbers echo the prompt, not the sources; the platform scorer
/// reports leftover chatter on its own, so grounding skips it.
enum Chatter {
    private static let openers = ["sure", "certainly", "of course", "okay", "ok", "absolutely", "here is", "here's",
                                  "here are", "below is", "below are", "the following is", "the following are",
                                  "great question", "happy to help"]
    private static let closers = ["i hope this", "hope this helps", "let me know", "feel free", "please note that this",
                                  "please let me know"]

    /// Each opener with what may follow it: a space, `!`, `,` or `.`.
    private static let openerPrefixes: [(opener: String, prefixes: [String])] = openers.map { opener in
        (opener, [" ", "!", ",", "."].map { opener + $0 })
    }

    static func isChatter(_ unit: TextUnit) -> Bool {
        // Cheap gate: chatter opens a block, ends with a colon, or is a closing pleasantry.
        guard let first = unit.bytes.first(where: ByteText.isLetter) else { return false }
        guard unit.startsBlock || unit.bytes.last == 0x3A || "IiLlFfPpHh".utf8.contains(first) else { return false }
        let text = String(decoding: unit.bytes.map(ByteText.lower), as: UTF8.self)
        let stripped = text.drop { !$0.isLetter }
        if closers.contains(where: { startsWith(stripped, $0) }) { return true }
        let end = text.last { !$0.isWhitespace && $0 != "*" }
        // "Based on the provided data, here is an objective overview of X:"
        if end == ":", ["here is", "here's", "here are", "overview", "summary", "summarize", "answer"].contains(where: text.contains),
           stripped.hasPrefix("based on") || stripped.hasPrefix("according to") || stripped.hasPrefix("in ") || stripped.hasPrefix("below") {
            return true
        }
        guard openerPrefixes.contains(where: { opener, prefixes in
            // Every form starts with the opener's bytes; most units fail there, before any
            // character-by-character comparison.
            stripped.utf8.starts(with: opener.utf8)
                && (prefixes.contains { stripped.hasPrefix($0) } || stripped == opener)
        }) else { return false }
        let words = stripped.split(whereSeparator: { $0 == " " }).count
        if words <= 4 { return true }
        return end == ":"
    }

    /// `text.hasPrefix(prefix)` for an ASCII `prefix` without canonical look-alikes (lower-case
    /// letters, space and `'` `!` `,` `.`): such a prefix can only match text that starts with its
    /// bytes, so the byte test settles most calls.
    private static func startsWith(_ text: Substring, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8) && text.hasPrefix(prefix)
    }
}
