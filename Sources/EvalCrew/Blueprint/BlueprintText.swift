/// Text helpers for reading blueprint lines: whitespace, markdown emphasis, quotes, file names.
///
/// Hand-written scanners rather than regular expressions: the parser must stay linear and fast on
/// megabytes of arbitrary input.
enum BlueprintText {
    /// Whether `c` is horizontal whitespace (a stray `\r` from CRLF input counts).
    static func isBlank(_ c: Character) -> Bool {
        let utf8 = c.utf8
        guard let b = utf8.first else { return false }
        return utf8.count == 1 ? (b == 0x20 || b == 0x09 || b == 0x0D) : (c == "\u{00A0}" || c == "\r\n")
    }

    /// `s` without leading and trailing horizontal whitespace.
    ///
    /// Scans UTF-8 bytes: every trimmed character is ASCII or U+00A0, so the cut never splits a scalar.
    static func trimmed(_ s: Substring) -> Substring {
        let bytes = s.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end {
            let b = bytes[start]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                start = bytes.index(after: start)
            } else if b == 0xC2, bytes.index(after: start) < end, bytes[bytes.index(after: start)] == 0xA0 {
                start = bytes.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        while end > start {
            let last = bytes.index(before: end)
            let b = bytes[last]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                end = last
            } else if b == 0xA0, last > start, bytes[bytes.index(before: last)] == 0xC2 {
                end = bytes.index(before: last)
            } else {
                break
            }
        }
        return s[start..<end]
    }

    /// Lower-cased text with runs of whitespace collapsed to one space, for label comparison.
    /// Only ASCII letters are lower-cased: every label and part name compared against is ASCII.
    static func normalized(_ s: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` with markdown emphasis and code markers removed: `**`, `__` (when the text opens with
    /// it; snake_case names keep theirs), backticks, and a single `*…*` / `_…_` wrapping.
    ///
    /// Works on UTF-8 bytes: the markers are ASCII, and ASCII bytes never occur inside a
    /// multi-byte sequence, so dropping them keeps the text valid.
    static func plain(_ s: Substring) -> String {
        let source = trimmed(s).utf8
        let star: UInt8 = 0x2A, underscore: UInt8 = 0x5F, backtick: UInt8 = 0x60
        let underscoreBold = source.starts(with: [underscore, underscore])
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var i = source.startIndex
        while i < source.endIndex {
            let b = source[i]
            let next = source.index(after: i)
            if b == star || (underscoreBold && b == underscore), next < source.endIndex, source[next] == b {
                i = source.index(after: next)
                continue
            }
            if b != backtick { out.append(b) }
            i = next
        }
        let text = String(decoding: out, as: UTF8.self)
        var result = trimmed(Substring(text))
        if result.utf8.count >= 2, let first = result.utf8.first, first == star || first == underscore,
           result.utf8.last == first {
            result = trimmed(result.dropFirst().dropLast())
        }
        return String(result)
    }

    /// `s` without one pair of surrounding quotes; a leading quoted part wins over trailing text
    /// (`"Zorblax 101" (H2)` gives `Zorblax 101`).
    static func unquoted(_ s: String) -> String {
        let t = trimmed(Substring(s))
        guard let first = t.first, let close = closingQuote(for: first) else { return String(t) }
        let rest = t.dropFirst()
        guard let end = rest.firstIndex(of: close) else { return String(t) }
        let inner = trimmed(rest[..<end])
        let after = trimmed(rest[rest.index(after: end)...])
        // Only a trailing note may follow the quote; `"Vectors" Are Here` is a title with a quoted word.
        let noteOnly = after.isEmpty || ["(", "[", "-", "–", "—", ":"].contains(after.first!)
        return inner.isEmpty || !noteOnly ? String(t) : String(inner)
    }

    /// The double-quoted strings in `s`, verbatim (`"…"` and `“…”`), in order.
    static func quotedStrings(in s: Substring) -> [String] {
        var result: [String] = []
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            guard c == "\"" || c == "“", let close = closingQuote(for: c) else {
                i = s.index(after: i)
                continue
            }
            let start = s.index(after: i)
            guard let end = s[start...].firstIndex(of: close) else { break }
            let inner = s[start..<end]
            if !trimmed(inner).isEmpty { result.append(String(inner)) }
            i = s.index(after: end)
        }
        return result
    }

    private static func closingQuote(for c: Character) -> Character? {
        switch c {
        case "\"": return "\""
        case "“": return "”"
        case "'": return "'"
        case "‘": return "’"
        default: return nil
        }
    }

    /// File names in a `Sources:` item, such as `01_what_is_a_vector_database.txt`.
    static func fileNames(in s: Substring) -> [String] {
        let separators: Set<Character> = [" ", "\t", ",", ";", "(", ")", "[", "]", "`", "\"", "'",
                                          "*", "“", "”", "‘", "’", "<", ">", "|"]
        var names: [String] = []
        for token in s.split(whereSeparator: { separators.contains($0) }) {
            var t = token
            while let last = t.last, last == "." || last == ":" { t = t.dropLast() }
            guard let dot = t.lastIndex(of: "."), dot != t.startIndex else { continue }
            let ext = t[t.index(after: dot)...]
            guard (2...5).contains(ext.count),
                  ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                  ext.contains(where: \.isLetter),
                  !has(t, "://") else { continue }
            names.append(String(t))
        }
        return names
    }

    /// Whether `s` contains `needle`, compared byte for byte (no Foundation, no locale).
    static func has(_ s: Substring, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let bytes = s.utf8
        var i = bytes.startIndex
        while let start = bytes[i...].firstIndex(of: first) {
            if bytes[start...].starts(with: n) { return true }
            i = bytes.index(after: start)
        }
        return false
    }

    /// An ordered-list marker at the start of `s` (`3. ` or `3) `): its number and the text after it.
    static func listNumber(_ s: Substring) -> (number: Int, rest: Substring)? {
        var i = s.startIndex
        var value = 0
        var digits = 0
        while i < s.endIndex, let d = s[i].wholeNumberValue, s[i].isASCII, digits < 4 {
            value = value * 10 + d
            digits += 1
            i = s.index(after: i)
        }
        guard digits > 0, i < s.endIndex, s[i] == "." || s[i] == ")" else { return nil }
        let after = s.index(after: i)
        guard after == s.endIndex || isBlank(s[after]) else { return nil }
        return (value, trimmed(s[after...]))
    }
}
