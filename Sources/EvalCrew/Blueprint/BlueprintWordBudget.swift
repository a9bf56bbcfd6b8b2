/// Reads word budgets: `300 words`, `~300`, `1,250 words`, `250-300` (a range gives its midpoint).
enum BlueprintWordBudget {
    /// A number or range found in a text, with where it ends.
    private struct Amount {
        var value: Int
        var end: Substring.Index
    }

    /// The budget a text states; the amount right before "word" wins over an earlier number
    /// (`Estimated word distribution: 20% of the post, 300 words`).
    static func parse(_ s: Substring) -> Int? {
        var first: Int?
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i].isASCII, s[i].isNumber else {
                i = s.index(after: i)
                continue
            }
            let amount = readAmount(s, from: i)
            guard let amount else {
                i = s[i...].firstIndex(where: { !($0.isASCII && $0.isNumber) }) ?? s.endIndex
                continue
            }
            if first == nil { first = amount.value }
            var j = amount.end
            while j < s.endIndex, BlueprintText.isBlank(s[j]) { j = s.index(after: j) }
            if s[j...].prefix(4).lowercased() == "word" { return amount.value }
            i = amount.end
        }
        return first
    }

    /// A number (`1,250`) or range (`250-300`, `250 – 300`, `250 to 300`) starting at `start`;
    /// nil for a percentage or an implausible size.
    private static func readAmount(_ s: Substring, from start: Substring.Index) -> Amount? {
        guard let (low, afterLow) = readNumber(s, from: start) else { return nil }
        if afterLow < s.endIndex, s[afterLow] == "%" { return nil }
        var j = afterLow
        while j < s.endIndex, BlueprintText.isBlank(s[j]) { j = s.index(after: j) }
        var k = j
        if k < s.endIndex, "-–—".contains(s[k]) {
            k = s.index(after: k)
        } else if s[k...].prefix(3).lowercased() == "to " {
            k = s.index(k, offsetBy: 3)
        } else {
            return Amount(value: low, end: afterLow)
        }
        while k < s.endIndex, BlueprintText.isBlank(s[k]) || s[k] == "~" { k = s.index(after: k) }
        guard k < s.endIndex, s[k].isASCII, s[k].isNumber, let (high, afterHigh) = readNumber(s, from: k),
              high >= low else { return Amount(value: low, end: afterLow) }
        return Amount(value: (low + high + 1) / 2, end: afterHigh)
    }

    /// Digits with optional thousands commas (`1,250`), at most 7 digits.
    private static func readNumber(_ s: Substring, from start: Substring.Index) -> (Int, Substring.Index)? {
        var value = 0
        var digits = 0
        var i = start
        while i < s.endIndex {
            let c = s[i]
            if c.isASCII, let d = c.wholeNumberValue {
                value = value * 10 + d
                digits += 1
                guard digits <= 7 else { return nil }
                i = s.index(after: i)
            } else if c == ",", digits > 0, groupOfThree(s, after: i) {
                i = s.index(after: i)
            } else {
                break
            }
        }
        return digits > 0 ? (value, i) : nil
    }

    private static func groupOfThree(_ s: Substring, after comma: Substring.Index) -> Bool {
        let tail = s[s.index(after: comma)...].prefix(4)
        let digits = tail.prefix(while: { $0.isASCII && $0.isNumber }).count
        return digits == 3
    }

    /// Splits a budget note off a section title: `Intro (Approx. 150 words)` → (`Intro`, 150);
    /// also `[~300 words]`, `(~300)`, `Intro – 300 words`.
    static func split(title: String) -> (title: String, budget: Int?) {
        let t = Substring(title)
        // The last bracketed group that states words.
        var searchEnd = t.endIndex
        while let open = t[..<searchEnd].lastIndex(where: { $0 == "(" || $0 == "[" }) {
            let closeChar: Character = t[open] == "(" ? ")" : "]"
            if let close = t[open...].firstIndex(of: closeChar) {
                let inner = t[t.index(after: open)..<close]
                if isBudgetNote(inner), let budget = parse(inner) {
                    let before = BlueprintText.trimmed(t[..<open])
                    let after = BlueprintText.trimmed(t[t.index(after: close)...])
                    let joined = after.isEmpty ? String(before) : String(before) + " " + String(after)
                    return (cleanTitle(Substring(joined)), budget)
                }
            }
            searchEnd = open
        }
        // A trailing `– 300 words` / `: ~300 words`.
        let lower = title.lowercased()
        if lower.hasSuffix("words") || lower.hasSuffix("word") {
            for separator in [" - ", " – ", " — ", ": ", " | ", ", "] {
                guard let range = lastRange(of: separator, in: t) else { continue }
                let tail = t[range.upperBound...]
                if tail.count <= 30, let budget = parse(tail) {
                    return (cleanTitle(t[..<range.lowerBound]), budget)
                }
            }
        }
        return (cleanTitle(t), nil)
    }

    /// The last occurrence of `needle` in `s`.
    private static func lastRange(of needle: String, in s: Substring) -> Range<Substring.Index>? {
        let n = Array(needle.utf8)
        let bytes = s.utf8
        var end = bytes.endIndex
        while let start = bytes.index(end, offsetBy: -n.count, limitedBy: bytes.startIndex) {
            if bytes[start..<end].elementsEqual(n) { return start..<end }
            end = bytes.index(before: end)
        }
        return nil
    }

    /// Whether a bracketed note is a budget: it says "word(s)", or is only `~N` / `≈N`.
    private static func isBudgetNote(_ inner: Substring) -> Bool {
        let lower = inner.lowercased()
        guard lower.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        if BlueprintText.has(Substring(lower), "word") { return true }
        let t = BlueprintText.trimmed(Substring(lower))
        return (t.hasPrefix("~") || t.hasPrefix("≈"))
            && t.dropFirst().allSatisfy({ ($0.isASCII && $0.isNumber) || "-–, ".contains($0) })
    }

    /// A title without trailing separators and surrounding quotes.
    static func cleanTitle(_ s: Substring) -> String {
        var t = BlueprintText.trimmed(s)
        while let last = t.last, ":-–—|,".contains(last) { t = BlueprintText.trimmed(t.dropLast()) }
        return BlueprintText.unquoted(String(t))
    }
}
