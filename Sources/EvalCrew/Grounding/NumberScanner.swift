/// What two spellings of the same quantity share: `700,000` and `700000`, `70%` and `70 percent`,
/// `three` and `3`, `9:00 PM` and `21:00`, `v1.39` and `1.39`, `$1.3 million` and `1,300,000`.
struct NumberKey: Hashable, Sendable {
    enum Kind: UInt8, Sendable { case value, time, version }
    var kind: Kind
    /// `.value`: the number × 1000, rounded; `.time`: minutes after midnight; `.version`: 16-bit parts packed.
    var value: Int64

    static func number(_ x: Double) -> NumberKey {
        // Clamped: a long digit string (a hash, an id) must not overflow the conversion.
        let clamped = x.isFinite ? max(-9.2e15, min(x, 9.2e15)) : 0
        return NumberKey(kind: .value, value: Int64((clamped * 1000).rounded()))
    }

    static func time(hour: Int, minute: Int) -> NumberKey {
        NumberKey(kind: .time, value: Int64((hour % 24) * 60 + minute))
    }

    /// The key as text, for messages and debugging.
    var description: String {
        switch kind {
        case .value:
            let whole = value / 1000, frac = value % 1000
            if frac == 0 { return String(whole) }
            var f = String(frac)
            while f.count < 3 { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            return "\(whole).\(f)"
        case .time:
            let m = value % 60
            return "\(value / 60):\(m < 10 ? "0" : "")\(m)"
        case .version:
            var parts: [String] = []
            var v = value
            while v > 0 { parts.append(String((v & 0xFFFF) - 1)); v >>= 16 }
            return parts.reversed().joined(separator: ".")
        }
    }
}

/// One number found in text: where it is and the keys it matches.
struct NumberMention: Sendable {
    /// Byte range of the number as written (currency sign and unit excluded, `v` prefix and scale word included).
    var range: Range<Int>
    /// Any of these in the basis supports the mention.
    var keys: [NumberKey]
    /// Spelled out (`three`, `twenty-one`).
    var isWord: Bool
    /// A time of day (`9:00 PM`, `21:00`, `9am`).
    var isTime: Bool
    /// The plain value, for filters (`one`, years).
    var value: Double
}

/// Finds numbers in UTF-8 text, byte by byte: digits with separators, decimals, versions, times,
/// percent, multipliers (`2x`), scale words (`1.5 million`, `10k`), ranges (`3–5` gives two
/// mentions) and number words (`three`, `twenty-one`, `three hundred`).
///
/// Digits glued to a name (`GPT-4`, `BM25`, `p95`, `L2`, `COVID-19`) are part of that name, not
/// numbers: the entity check covers them as tokens.
enum NumberScanner {
    static func scan(_ p: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) -> [NumberMention] {
        let end = to ?? p.count
        var out: [NumberMention] = []
        var i = from
        while i < end {
            let b = p[i]
            let prevIsWord = i > from && (p[i - 1] < 0x80 ? ByteText.isAlnum(p[i - 1]) : ByteText.isWordSequence(p, i - 1))
            if prevIsWord && b < 0x80 && ByteText.isAlnum(b) {
                i += 1; continue
            }
            if b < 0x80 && ByteText.isAlnum(b) {
                if let (mention, next) = mention(at: i, p, from: from, end: end) {
                    out.append(mention)
                    i = next
                } else {
                    i = skipWord(p, i, end)
                }
                continue
            }
            i += b < 0x80 ? 1 : ByteText.sequenceLength(b)
        }
        return out
    }

    /// The number that starts the word at `i`, and where scanning continues after it.
    static func mention(at i: Int, _ p: UnsafeBufferPointer<UInt8>, from: Int = 0, end: Int) -> (NumberMention, Int)? {
        let b = p[i]
        if ByteText.isDigit(b) {
            // Digits after `letter-` belong to a name (GPT-4, Llama-2, COVID-19).
            if i >= from + 2, p[i - 1] == 0x2D, ByteText.isLetter(p[i - 2]) { return nil }
            return parseDigits(p, i, end)
        }
        if b == 0x76 || b == 0x56, i + 1 < end, ByteText.isDigit(p[i + 1]) {
            // `v1.39`: a version, the `v` included in the mention.
            guard let (mention, next) = parseDigits(p, i + 1, end) else { return nil }
            var m = mention
            m.range = i..<m.range.upperBound
            return (m, next)
        }
        if ByteText.isLetter(b), NumberWords.value(p, i, skipLetters(p, i, end)) != nil {
            return parseWords(p, i, end)
        }
        return nil
    }

    @inline(__always) private static func skipLetters(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end, ByteText.isLetter(p[j]) { j += 1 }
        return j
    }

    @inline(__always) private static func skipWord(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end, p[j] < 0x80 ? ByteText.isAlnum(p[j]) : ByteText.isWordSequence(p, j) {
            j += p[j] < 0x80 ? 1 : ByteText.sequenceLength(p[j])
        }
        return max(j, i + 1)
    }

    /// Lower-cased letters of p[i..<j] equal `s`.
    @inline(__always) static func equalsLower(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int, _ s: StaticString) -> Bool {
        guard j - i == s.utf8CodeUnitCount else { return false }
        return s.withUTF8Buffer { q in
            for k in 0..<q.count where ByteText.lower(p[i + k]) != q[k] { return false }
            return true
        }
    }

    /// The word after `j` when exactly one space (or a hyphen) separates them: its range.
    private static func nextWord(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Range<Int>? {
        guard j + 1 < end, p[j] == 0x20 || p[j] == 0x2D, ByteText.isLetter(p[j + 1]) else { return nil }
        let e = skipLetters(p, j + 1, end)
        return (j + 1)..<e
    }

    private static func parseDigits(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (NumberMention, Int)? {
        var j = start
        // Dot-separated integer parts, the first four packed 16 bits each (a version's key).
        var packedParts: Int64 = 0
        var partCount = 0
        func addPart(_ part: Int64) {
            if partCount < 4 { packedParts = (packedParts << 16) | (min(part, 0xFFFE) + 1) }
            partCount += 1
        }
        var current: Int64 = 0
        var dots = 0
        var hour = -1, minute = -1
        var digits = 0
        while j < end, ByteText.isDigit(p[j]) {
            // Beyond 15 digits the value is an identifier, not a quantity; stop accumulating.
            if digits < 15 { current = current * 10 + Int64(p[j] - 0x30) }
            digits += 1
            j += 1
        }
        // Thousands groups: `,ddd` not followed by another digit.
        while j + 3 < end, p[j] == 0x2C, ByteText.isDigit(p[j + 1]), ByteText.isDigit(p[j + 2]),
              ByteText.isDigit(p[j + 3]), j + 4 >= end || !ByteText.isDigit(p[j + 4]) {
            if current < 1_000_000_000_000 {
                current = current * 1000 + Int64(p[j + 1] - 0x30) * 100 + Int64(p[j + 2] - 0x30) * 10 + Int64(p[j + 3] - 0x30)
            }
            j += 4
        }
        var fraction: Double = 0
        var scale: Double = 1
        addPart(current)
        // Decimals and version parts.
        while j + 1 < end, p[j] == 0x2E, ByteText.isDigit(p[j + 1]) {
            dots += 1
            j += 1
            var part: Int64 = 0
            var n = 0
            while j < end, ByteText.isDigit(p[j]) {
                if n < 9 { part = part * 10 + Int64(p[j] - 0x30) }
                if dots == 1 && n < 9 { fraction += Double(p[j] - 0x30) * pow10(-(n + 1)) }
                n += 1; j += 1
            }
            addPart(part)
        }
        // Time of day: H:MM(:SS).
        if dots == 0, current <= 24, j + 2 < end, p[j] == 0x3A, ByteText.isDigit(p[j + 1]), ByteText.isDigit(p[j + 2]),
           j + 3 >= end || !ByteText.isDigit(p[j + 3]) {
            hour = Int(current)
            minute = Int(p[j + 1] - 0x30) * 10 + Int(p[j + 2] - 0x30)
            j += 3
            if j + 2 < end, p[j] == 0x3A, ByteText.isDigit(p[j + 1]), ByteText.isDigit(p[j + 2]) { j += 3 }
        } else if dots == 0, current <= 24, j + 1 < end, p[j] == 0x3A, ByteText.isDigit(p[j + 1]),
                  j + 2 >= end || !ByteText.isDigit(p[j + 2]) {
            // "8:0": a raw record's unpadded time, read as 8:00.
            hour = Int(current)
            minute = Int(p[j + 1] - 0x30)
            j += 2
        }
        var mentionEnd = j
        var isTime = hour >= 0
        var meridiem = 0  // 1 am, 2 pm
        // The factors a glued suffix may mean, in key order: `10k` is 10,000; `1.5m` 1.5 or 1.5 million.
        var multipliers: (Double, Double?) = (1, nil)
        // Suffix glued to the digits: 2x, 5th, 9am, 10k, 1.5m, 384d, 1990s, 70%.
        if j < end, ByteText.isLetter(p[j]) {
            let e = skipLetters(p, j, end)
            if e < end, ByteText.isDigit(p[e]) { return nil }   // 2x4, 1e5: not a plain number
            if equalsLower(p, j, e, "am") || (e - j == 1 && ByteText.lower(p[j]) == 0x61 && e + 1 < end && p[e] == 0x2E && ByteText.lower(p[e + 1]) == 0x6D) {
                meridiem = 1
            } else if equalsLower(p, j, e, "pm") || (e - j == 1 && ByteText.lower(p[j]) == 0x70 && e + 1 < end && p[e] == 0x2E && ByteText.lower(p[e + 1]) == 0x6D) {
                meridiem = 2
            } else if equalsLower(p, j, e, "k") {
                multipliers = (1000, 1)
            } else if equalsLower(p, j, e, "m") || equalsLower(p, j, e, "mm") {
                multipliers = (1, 1e6)
            } else if equalsLower(p, j, e, "b") || equalsLower(p, j, e, "bn") {
                multipliers = (1e9, 1)
            } else if ByteText.isUpper(p[j]), !(e - j == 1 && (p[j] == 0x4B || p[j] == 0x4D || p[j] == 0x42)) {
                return nil   // 3D, 4K-like product names and 13B-like model sizes stay names
            }
            mentionEnd = e
            j = e
        } else if j < end, p[j] == 0x25 {
            mentionEnd = j + 1
            j += 1
        }
        // The next word: am/pm, percent, a scale word.
        if meridiem == 0, let w = nextWord(p, j, end), p[j] == 0x20 {
            if equalsLower(p, w.lowerBound, w.upperBound, "am") || equalsLower(p, w.lowerBound, w.upperBound, "a") && w.upperBound + 1 < end && p[w.upperBound] == 0x2E && ByteText.lower(p[w.upperBound + 1]) == 0x6D {
                meridiem = 1; mentionEnd = w.upperBound
            } else if equalsLower(p, w.lowerBound, w.upperBound, "pm") || equalsLower(p, w.lowerBound, w.upperBound, "p") && w.upperBound + 1 < end && p[w.upperBound] == 0x2E && ByteText.lower(p[w.upperBound + 1]) == 0x6D {
                meridiem = 2; mentionEnd = w.upperBound
            } else if let s = NumberWords.scale(p, w.lowerBound, w.upperBound) {
                scale = s; mentionEnd = w.upperBound
            } else if equalsLower(p, w.lowerBound, w.upperBound, "percent") {
                mentionEnd = w.upperBound
            }
        }
        if meridiem != 0 {
            if hour < 0 { hour = Int(current); minute = 0 }
            guard hour >= 0, hour <= 12 else { return nil }
            isTime = true
        }
        let whole = Double(current)
        let value = dots <= 1 ? (whole + fraction) * scale : whole
        var keys: [NumberKey] = []
        if isTime {
            if meridiem == 1 {
                keys.append(.time(hour: hour == 12 ? 0 : hour, minute: minute))
            } else if meridiem == 2 {
                keys.append(.time(hour: hour == 12 ? 12 : hour + 12, minute: minute))
            } else {
                keys.append(.time(hour: hour, minute: minute))
                if hour <= 12, hour >= 1 { keys.append(.time(hour: hour == 12 ? 0 : hour + 12, minute: minute)) }
            }
        } else if dots >= 2 {
            keys.append(NumberKey(kind: .version, value: packedParts))
        } else {
            keys.append(.number(value * multipliers.0))
            if let m = multipliers.1 { keys.append(.number(value * m)) }
        }
        return (NumberMention(range: start..<mentionEnd, keys: keys, isWord: false, isTime: isTime, value: isTime ? Double(hour) : value),
                max(mentionEnd, start + 1))
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e < 0 { for _ in 0..<(-e) { r /= 10 } } else { for _ in 0..<e { r *= 10 } }
        return r
    }

    /// `three`, `twenty-one`, `three hundred`, `two million`, `one hundred and twenty`.
    private static func parseWords(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (NumberMention, Int)? {
        var total: Double = 0
        var current: Double = 0
        var sawUnit = false
        var j = start
        var mentionEnd = start
        var words = 0
        while j < end {
            let e = skipLetters(p, j, end)
            guard e > j else { break }
            if words > 0, equalsLower(p, j, e, "and"), let next = nextWord(p, e, end),
               NumberWords.value(p, next.lowerBound, next.upperBound) != nil, current >= 100 {
                j = next.lowerBound
                continue
            }
            if let s = NumberWords.scale(p, j, e) {
                guard sawUnit else { break }   // "millions of", "a thousand": too vague to check
                if s == 100 { current = max(current, 1) * 100 } else { total += max(current, 1) * s; current = 0 }
            } else if let v = NumberWords.value(p, j, e) {
                // After "twenty" only a unit may follow; after "five" nothing ("five six" is two numbers).
                let rest = current.truncatingRemainder(dividingBy: 100)
                let joins = rest == 0 || (rest >= 20 && rest.truncatingRemainder(dividingBy: 10) == 0 && v < 10)
                if !joins { break }
                current += v
                sawUnit = true
            } else {
                break
            }
            words += 1
            mentionEnd = e
            guard e < end, p[e] == 0x20 || p[e] == 0x2D, e + 1 < end, ByteText.isLetter(p[e + 1]) else { break }
            j = e + 1
        }
        guard sawUnit else { return nil }
        let value = total + current
        return (NumberMention(range: start..<mentionEnd, keys: [.number(value)], isWord: true, isTime: false, value: value),
                mentionEnd)
    }
}

/// English number words.
enum NumberWords {
    private static let units: [(StaticString, Double)] = [
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
        ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
        ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
        ("dozen", 12),
    ]
    private static let scales: [(StaticString, Double)] = [
        ("hundred", 100), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
    ]

    /// The value of the number word p[i..<j] (`three` → 3), scale words excluded.
    static func value(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> Double? {
        let n = j - i
        guard n >= 3, n <= 9 else { return nil }
        let first = ByteText.lower(p[i])
        // Quick reject: number words start with one of these letters.
        switch first {
        case 0x7A, 0x6F, 0x74, 0x66, 0x73, 0x65, 0x6E, 0x64: break   // z o t f s e n d
        default: return nil
        }
        for (word, v) in units where word.withUTF8Buffer({ $0[0] == first }) {
            if NumberScanner.equalsLower(p, i, j, word) { return v }
        }
        return nil
    }

    /// The factor of the scale word p[i..<j] (`million` → 1e6).
    static func scale(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> Double? {
        let n = j - i
        guard n >= 7, n <= 8 else { return nil }
        for (word, v) in scales where NumberScanner.equalsLower(p, i, j, word) { return v }
        return nil
    }
}
