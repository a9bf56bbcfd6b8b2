/// Acronyms the post or blueprint defines: "Large Language Models (LLMs)" links the long name
/// and the acronym, so either grounds (or, when generic, excuses) the other.
struct AcronymDefinitions: Sendable {
    /// Lower-cased long name ↔ lower-cased acronym (plural s dropped), both directions.
    private(set) var partner: [String: String] = [:]
    /// The long names.
    private(set) var longForms: Set<String> = []

    /// Definitions in `units`, given each unit's words (`EntityExtractor.words`).
    init(units: [TextUnit], words unitWords: [[EntityWord]]) {
        for (unit, words) in zip(units, unitWords) {
            let b = unit.bytes
            for (i, w) in words.enumerated() where w.isAllCaps && i > 0 {
                let r = w.range
                guard r.lowerBound > 0, b[r.lowerBound - 1] == 0x28, r.upperBound < b.count, b[r.upperBound] == 0x29 else { continue }
                var letters = w.joined
                if letters.count > 2, letters.last == 0x73, b[r.upperBound - 1] == 0x73 { letters.removeLast() }
                // Walk back over the preceding words, matching initials from the end.
                var k = i - 1
                var need = letters.count - 1
                var phrase: [EntityWord] = []
                while k >= 0, need >= 0 {
                    let word = words[k]
                    let lowered = word.lowered
                    if WordForms.nameConnectors.contains(lowered) || lowered == "and" || lowered == "for" {
                        phrase.insert(word, at: 0); k -= 1; continue
                    }
                    guard let first = word.parts.first?.first, first == letters[need] else { break }
                    phrase.insert(word, at: 0)
                    need -= 1
                    k -= 1
                }
                guard need < 0, !phrase.isEmpty else { continue }
                let long = phrase.map(\.lowered).joined(separator: " ")
                let short = String(decoding: letters, as: UTF8.self)
                partner[long] = short
                partner[short] = long
                longForms.insert(long)
                if long.hasSuffix("s") { partner[String(long.dropLast())] = short }
            }
        }
    }
}
