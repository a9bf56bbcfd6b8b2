/// The project's one word rule: tokens matching `[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*`.
///
/// Used for every word count (length, sections, budgets). Emoji, punctuation and markup symbols
/// are never words; `that's`, `state-of-the-art` and `don’t` are one word each.
public enum ProseWords {
    /// The code-point ranges of the words in `scalars`.
    public static func ranges(in scalars: some RandomAccessCollection<Unicode.Scalar>) -> [Range<Int>] {
        let chars = Array(scalars)
        var result: [Range<Int>] = []
        var i = 0
        let n = chars.count
        while i < n {
            guard isWordScalar(chars[i]) else { i += 1; continue }
            let start = i
            while true {
                while i < n, isWordScalar(chars[i]) { i += 1 }
                if i + 1 < n, isJoiner(chars[i]), isWordScalar(chars[i + 1]) { i += 1; continue }
                break
            }
            result.append(start..<i)
        }
        return result
    }

    /// The number of words in `text`.
    public static func count(_ text: String) -> Int {
        ranges(in: Array(text.unicodeScalars)).count
    }

    /// ASCII letters and digits: the rule is ASCII on purpose (it is what the crew's plan and
    /// Forem count), so `café` counts as one word through its ASCII part.
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    @inline(__always) static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "-"
    }
}
