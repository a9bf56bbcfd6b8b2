/// Checks opening hours a sentence gives per weekday against the hours the basis gives.
///
/// Each token of "open Monday to Saturday from 11 am to 9 pm" may be in the source while the
/// relation is wrong (the source: `Monday: 0:00-0:00`, closed). The basis lines that name one
/// weekday and hold times give that day's schedule; the sentence's day groups ("Monday to
/// Friday", "weekends", "daily", "Sunday") take the times that follow them. A time the basis does
/// not give for one of the group's days is a contradiction.
enum ScheduleCheck {
    private static let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    private static let short = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The weekday (0 = Monday) a lower-cased word names, if any.
    private static func day(_ w: String) -> Int? {
        if let i = days.firstIndex(of: w) { return i }
        if w.hasSuffix("s"), let i = days.firstIndex(of: String(w.dropLast())) { return i }   // "Mondays"
        if let i = short.firstIndex(of: w) { return i }
        return nil
    }

    /// Day → (time keys, the line as written), from lines that name exactly one weekday.
    static func schedule(_ bytes: ArraySlice<UInt8>) -> [Int: (keys: Set<NumberKey>, line: String)] {
        var out: [Int: (keys: Set<NumberKey>, line: String)] = [:]
        for line in bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x3B }) {
            let text = Array(line)
            var named: Set<Int> = []
            text.withUnsafeBufferPointer { p in
                ByteText.forEachWord(p) { _, _, lowered in
                    if lowered.count >= 3, let d = day(String(decoding: lowered, as: UTF8.self)) { named.insert(d) }
                }
            }
            guard named.count == 1, let d = named.first else { continue }
            let times = text.withUnsafeBufferPointer { NumberScanner.scan($0) }.filter(\.isTime)
            guard !times.isEmpty else { continue }
            var entry = out[d] ?? ([], String(decoding: text, as: UTF8.self).trimmingWhitespace().description)
            for t in times { entry.keys.formUnion(t.keys) }
            out[d] = entry
        }
        return out
    }

    /// The first time in `unit` that the schedule does not give for a day it is stated for:
    /// the time's byte range and the schedule line of that day.
    ///
    /// The sentence is read clause by clause (split at commas and semicolons). In a clause that
    /// opens with days ("Monday to Friday from 9 to 5") times belong to the days before them; in
    /// one that opens with times ("from 9 to 5 on weekdays") to the days after them. A later
    /// clause that names a day again overrides it ("…daily, with extended hours on Fridays");
    /// a clause with times but no day is too vague to check.
    static func conflict(_ unit: [UInt8], schedule: [Int: (keys: Set<NumberKey>, line: String)]) -> (Range<Int>, String)? {
        guard !schedule.isEmpty else { return nil }
        var assigned: [Int: [NumberMention]] = [:]
        var start = 0
        for end in unit.indices.filter({ unit[$0] == 0x2C || unit[$0] == 0x3B }) + [unit.count] {
            let clause = start..<end
            start = end + 1
            let groups = dayGroups(unit, clause)
            guard !groups.isEmpty else { continue }
            for g in groups { for d in g.days { assigned[d] = [] } }   // a later mention overrides
            let times = unit.withUnsafeBufferPointer { NumberScanner.scan($0, from: clause.lowerBound, to: clause.upperBound) }
                .filter(\.isTime)
            guard let firstTime = times.first else { continue }
            let daysFirst = groups[0].at < firstTime.range.lowerBound
            var groupTimes = [[NumberMention]](repeating: [], count: groups.count)
            for t in times {
                let g = daysFirst ? (groups.lastIndex { $0.at < t.range.lowerBound } ?? 0)
                    : (groups.firstIndex { $0.at > t.range.lowerBound } ?? groups.count - 1)
                groupTimes[g].append(t)
            }
            // Within the clause too, a later group overrides an earlier one ("on weekdays and until
            // 21:30 on Fridays").
            for (g, group) in groups.enumerated() where !groupTimes[g].isEmpty {
                for d in group.days { assigned[d] = groupTimes[g] }
            }
        }
        for d in assigned.keys.sorted() {
            guard let entry = schedule[d] else { continue }
            for t in assigned[d]! where entry.keys.isDisjoint(with: t.keys) { return (t.range, entry.line) }
        }
        return nil
    }

    /// Day groups in a clause, in order: "Monday to Friday", "Monday-Friday", "weekdays", "daily", "Sunday".
    private static func dayGroups(_ unit: [UInt8], _ clause: Range<Int>) -> [(at: Int, days: [Int])] {
        var groups: [(at: Int, days: [Int])] = []
        var words: [(range: Range<Int>, word: String)] = []
        unit.withUnsafeBufferPointer { p in
            ByteText.forEachWord(p, from: clause.lowerBound, to: clause.upperBound) { s, e, lowered in
                words.append((s..<e, String(decoding: lowered, as: UTF8.self)))
            }
        }
        var k = 0
        while k < words.count {
            let w = words[k].word
            let at = words[k].range.lowerBound
            if let d = day(w) {
                if k + 2 < words.count, ["to", "through", "thru", "till", "until"].contains(words[k + 1].word),
                   let e = day(words[k + 2].word) {
                    groups.append((at, range(d, e)))
                    k += 3; continue
                }
                if k + 1 < words.count, let e = day(words[k + 1].word), words[k + 1].range.lowerBound == words[k].range.upperBound + 1,
                   unit[words[k].range.upperBound] == 0x2D {
                    groups.append((at, range(d, e)))
                    k += 2; continue
                }
                groups.append((at, [d]))
            } else if w == "weekdays" {
                groups.append((at, [0, 1, 2, 3, 4]))
            } else if w == "weekends" || w == "weekend" {
                groups.append((at, [5, 6]))
            } else if w == "daily" || (w == "every" && k + 1 < words.count && words[k + 1].word == "day") {
                groups.append((at, Array(0..<7)))
            } else if w == "seven", k + 1 < words.count, words[k + 1].word == "days" {
                groups.append((at, Array(0..<7)))
            }
            k += 1
        }
        return groups
    }

    private static func range(_ a: Int, _ b: Int) -> [Int] {
        a <= b ? Array(a...b) : Array(a...6) + Array(0...b)
    }
}
