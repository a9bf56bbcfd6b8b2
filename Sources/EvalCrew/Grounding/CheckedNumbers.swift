/// Which numbers of a unit are claims worth checking.
///
/// List ordinals ("3. Indexing"), step and counter numbers ("Step 3", "#1"), identifiers
/// (`01_intro.txt`), "24/7", the words "one" and "two", and a blueprint's word budgets and read
/// times are not figures a source has to carry.
enum CheckedNumbers {
    /// The numbers of a unit worth checking: list ordinals, heading numbers, step numbers,
    /// "one" and "24/7" are not claims.
    static func mentions(in unit: TextUnit) -> [NumberMention] {
        let b = unit.bytes
        var out: [NumberMention] = []
        let mentions = b.withUnsafeBufferPointer { NumberScanner.scan($0) }
        for m in mentions {
            // "one" and "two" are mostly not figures ("one of", "the two states" counting what the source lists).
            if m.isWord && (m.value == 1 || m.value == 2) { continue }
            // A leading ordinal: "3. Indexing", "2) Embed".
            let before = b[..<m.range.lowerBound].filter { !ByteText.isSpace($0) && $0 != 0x2A && $0 != 0x23 }
            if before.isEmpty, m.range.upperBound < b.count, b[m.range.upperBound] == 0x2E || b[m.range.upperBound] == 0x29
                || b[m.range.upperBound] == 0x3A, !m.isTime {
                continue
            }
            // Part of an identifier or file name: `01_intro.txt`, `file2.py`.
            if m.range.lowerBound > 0, b[m.range.lowerBound - 1] == 0x5F { continue }
            if m.range.upperBound < b.count, b[m.range.upperBound] == 0x5F { continue }
            if m.range.upperBound + 1 < b.count, b[m.range.upperBound] == 0x2E, ByteText.isLetter(b[m.range.upperBound + 1]) { continue }
            // "Step 3", "Phase 2", "#1".
            if precededByCounterWord(b, m.range.lowerBound) { continue }
            if m.range.upperBound + 1 < b.count, b[m.range.upperBound] == 0x2F, m.value == 24, b[m.range.upperBound + 1] == 0x37 { continue }
            if m.range.lowerBound >= 2, b[m.range.lowerBound - 1] == 0x2F, b[m.range.lowerBound - 2] == 0x34, m.value == 7 { continue }
            if unit.role == .blueprintLine, isPlanningNumber(b, m) { continue }
            out.append(m)
        }
        return out
    }

    private static let counterWords: Set<String> = ["step", "steps", "phase", "part", "chapter", "section", "tip",
                                                    "option", "rule", "item", "stage", "level", "lesson", "week", "day",
                                                    "no", "number", "passage", "question", "answer", "point"]

    private static func precededByCounterWord(_ b: [UInt8], _ start: Int) -> Bool {
        var j = start
        if j > 0, b[j - 1] == 0x23 { return true }
        while j > 0, b[j - 1] == 0x20 || b[j - 1] == 0x2E { j -= 1 }
        var s = j
        while s > 0, ByteText.isLetter(b[s - 1]) { s -= 1 }
        guard s < j, j < start else { return false }
        return counterWords.contains(String(decoding: b[s..<j].map(ByteText.lower), as: UTF8.self))
    }

    /// Word budgets and read times in a blueprint ("Estimated word distribution: 200 words") are
    /// the planner's plan, not facts.
    private static func isPlanningNumber(_ b: [UInt8], _ m: NumberMention) -> Bool {
        var j = m.range.upperBound
        while j < b.count, b[j] == 0x20 || b[j] == 0x2D || b[j] == 0x2B { j += 1 }
        var e = j
        while e < b.count, ByteText.isLetter(b[e]) { e += 1 }
        let next = String(decoding: b[j..<e].map(ByteText.lower), as: UTF8.self)
        return ["words", "word", "minute", "minutes", "min", "mins", "wpm", "sections", "section", "tags"].contains(next)
    }
}
