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

    static func isChatter(_ unit: TextUnit) -> Bool {
        // Cheap gate: chatter opens a block, ends with a colon, or is a closing pleasantry.
        guard let first = unit.bytes.first(where: ByteText.isLetter) else { return false }
        guard unit.startsBlock || unit.bytes.last == 0x3A || "IiLlFfPpHh".utf8.contains(first) else { return false }
        let text = String(decoding: unit.bytes.map(ByteText.lower), as: UTF8.self)
        let stripped = text.drop { !$0.isLetter }
        let words = stripped.split(whereSeparator: { $0 == " " }).count
        if closers.contains(where: { stripped.hasPrefix($0) }) { return true }
        let end = text.last { !$0.isWhitespace && $0 != "*" }
        // "Based on the provided data, here is an objective overview of X:"
        if end == ":", ["here is", "here's", "here are", "overview", "summary", "summarize", "answer"].contains(where: text.contains),
           stripped.hasPrefix("based on") || stripped.hasPrefix("according to") || stripped.hasPrefix("in ") || stripped.hasPrefix("below") {
            return true
        }
        guard openers.contains(where: { stripped.hasPrefix($0 + " ") || stripped.hasPrefix($0 + "!")
            || stripped.hasPrefix($0 + ",") || stripped.hasPrefix($0 + ".") || stripped == $0 }) else { return false }
        if words <= 4 { return true }
        return end == ":"
    }
}
