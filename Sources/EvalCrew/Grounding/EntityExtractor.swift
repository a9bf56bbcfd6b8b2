/// One word as the entity extractor sees it: a token, or tokens joined by hyphens (`Wi-Fi`, `GPT-4`).
struct EntityWord: Sendable {
    /// Byte range in the unit (a possessive `'s` excluded).
    var range: Range<Int>
    /// Lower-cased hyphen parts (`["wi", "fi"]`); one part for a plain word.
    var parts: [[UInt8]]
    /// Lower-cased CamelCase parts (`LlamaIndex` → `["llama", "index"]`), when the word is CamelCase.
    var camelParts: [[UInt8]]
    var startsUpper: Bool
    var isCamel: Bool
    var isAllCaps: Bool
    var mixesDigits: Bool

    /// The parts joined without hyphens (`wifi`, `gpt4`, `llamaindex`).
    var joined: [UInt8] { parts.flatMap { $0 } }
    /// The parts joined with spaces, for vocabulary lookups (`wi fi`), or the word itself.
    var lowered: String { parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-") }
    /// Capitalised, CamelCase, ALL CAPS or letters with digits: may be a name.
    var isNameLike: Bool { startsUpper || isCamel || isAllCaps || mixesDigits }
    /// Only its first letter marks it (`Zorblax`, `However`): whether it is a name depends on the dictionary and position.
    var isPlainCapitalised: Bool { startsUpper && !isCamel && !isAllCaps && !mixesDigits }
    /// All parts are common English words (or, in a compound, generic terms: "Human-AI").
    var isCommonWord: Bool {
        parts.allSatisfy { CommonWords.contains($0) || (parts.count > 1 && GenericVocabulary.builtIn.contains(String(decoding: $0, as: UTF8.self))) }
    }
}

/// A candidate name in a unit: a run of name-like words, or a quoted title.
struct EntityCandidate: Sendable {
    /// Byte range in the unit, as written.
    var range: Range<Int>
    var words: [EntityWord]
    /// A quoted title ("Attention Is All You Need"): matched as a phrase, never part by part.
    var isQuotedTitle: Bool
}

/// Finds named entities in a unit: CamelCase and ALL-CAPS tokens, capitalised words and runs of
/// them (Hugging Face, BigScience Workshop), quoted titles, and names that start a sentence.
///
/// A capitalised common word (dictionary) at the start of a sentence, after a colon, in a heading
/// or table row, or in a title-case lead-in (`Text Classification: …`) is ordinary, unless the
/// post uses it capitalised mid-sentence elsewhere (`knownNames`). Anywhere else a capital marks
/// a name, dictionary word or not (the `Transformers` library).
struct EntityExtractor: Sendable {
    var vocabulary: GenericVocabulary
    /// Lower-cased words seen capitalised mid-sentence in the post or blueprint.
    var knownNames: Set<String> = []
    /// Lower-cased multi-word phrases that keep a sentence-initial word in a run: generic terms
    /// ("Large Language Models are…") and the long forms of acronyms the post defines.
    var phrases: Set<String> = []

    /// The words of a unit.
    static func words(_ b: [UInt8]) -> [EntityWord] {
        var tokens: [(Range<Int>, [UInt8])] = []
        b.withUnsafeBufferPointer { p in
            ByteText.forEachWord(p) { start, end, lowered in tokens.append((start..<end, Array(lowered))) }
        }
        var out: [EntityWord] = []
        var k = 0
        while k < tokens.count {
            var range = tokens[k].0
            var parts = [tokens[k].1]
            // Possessive and contraction tails after an apostrophe: `Tokio's`, `don't`.
            while k + 1 < tokens.count, isApostropheBefore(b, tokens[k + 1].0.lowerBound), tokens[k + 1].0.lowerBound == range.upperBound + apostropheWidth(b, range.upperBound),
                  tokens[k + 1].1.count <= 2 {
                k += 1
            }
            while k + 1 < tokens.count, tokens[k + 1].0.lowerBound == range.upperBound + 1, b[range.upperBound] == 0x2D {
                k += 1
                range = range.lowerBound..<tokens[k].0.upperBound
                parts.append(tokens[k].1)
            }
            k += 1
            out.append(makeWord(b, range, parts))
        }
        return out
    }

    private static func apostropheWidth(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        if b[i] == 0x27 { return 1 }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x99 { return 3 }
        return 0
    }

    private static func isApostropheBefore(_ b: [UInt8], _ i: Int) -> Bool {
        (i >= 1 && b[i - 1] == 0x27) || (i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && b[i - 1] == 0x99)
    }

    private static func makeWord(_ b: [UInt8], _ range: Range<Int>, _ parts: [[UInt8]]) -> EntityWord {
        var upper = 0, lower = 0, digits = 0, camel = false
        for i in range {
            let c = b[i]
            if ByteText.isUpper(c) {
                upper += 1
                if i > range.lowerBound, ByteText.isLower(b[i - 1]) { camel = true }
            } else if ByteText.isLower(c) {
                lower += 1
            } else if ByteText.isDigit(c) {
                digits += 1
            }
        }
        // Most words are not CamelCase: their parts are only split when they are.
        let camelParts = camel ? camelCaseParts(b, range) : []
        // `LLMs`, `APIs`: all capitals but a plural s.
        let pluralCaps = upper >= 2 && lower == 1 && b[range.upperBound - 1] == 0x73
        let allCaps = upper >= 2 && (lower == 0 || pluralCaps)
        // `APhA`, `iPhone`: capitals after lower-case letters but not ALL CAPS.
        let startsUpper = ByteText.isUpper(b[range.lowerBound])
        return EntityWord(range: range, parts: parts, camelParts: camelParts,
                          startsUpper: startsUpper, isCamel: camel && !pluralCaps, isAllCaps: allCaps,
                          mixesDigits: digits > 0 && upper + lower > 0)
    }

    /// The lower-cased parts of a CamelCase word (`LlamaIndex` → `llama`, `index`): split before a
    /// capital that follows a lower-case letter, and at hyphens.
    private static func camelCaseParts(_ b: [UInt8], _ range: Range<Int>) -> [[UInt8]] {
        var camelParts: [[UInt8]] = []
        var current: [UInt8] = []
        for i in range {
            let c = b[i]
            if ByteText.isUpper(c), i > range.lowerBound, ByteText.isLower(b[i - 1]) {
                if !current.isEmpty { camelParts.append(current) }
                current = []
            }
            if ByteText.isAlnum(c) { current.append(ByteText.lower(c)) } else if !current.isEmpty, c == 0x2D {
                camelParts.append(current); current = []
            }
        }
        if !current.isEmpty { camelParts.append(current) }
        return camelParts
    }

    /// Lower-cased words (and runs, joined by spaces) capitalised mid-sentence in a unit.
    func midSentenceNames(_ unit: TextUnit, words: [EntityWord]) -> [String] {
        guard !unit.isTitleCase else { return [] }
        let initial = initialIndices(unit.bytes, words)
        let lead = leadInCount(unit.bytes, words)
        var out: [String] = []
        for (i, w) in words.enumerated() where w.isNameLike && !initial.contains(i) && i >= lead {
            out.append(w.lowered)
        }
        return out
    }

    /// Indices of words that start a sentence: the first word, the first after a colon or after
    /// sentence punctuation the splitter kept (`CA. It is…`), and the first inside quotes.
    func initialIndices(_ b: [UInt8], _ words: [EntityWord]) -> Set<Int> {
        var out: Set<Int> = []
        for (i, w) in words.enumerated() {
            if i == 0 { out.insert(i); continue }
            var j = words[i - 1].range.upperBound
            var starts = false
            while j < w.range.lowerBound {
                let c = b[j]
                if c == 0x3A || c == 0x21 || c == 0x3F || c == 0x22 { starts = true }
                if c == 0x2E, j + 1 < b.count, ByteText.isSpace(b[j + 1]) { starts = true }
                if c == 0xE2, j + 2 < b.count, b[j + 1] == 0x80, b[j + 2] == 0x9C { starts = true }
                j += 1
            }
            if starts { out.insert(i) }
        }
        return out
    }

    /// A title-case lead-in label ending in a colon (`Text Classification: …`, `Scale: …`): its word count.
    func leadInCount(_ b: [UInt8], _ words: [EntityWord]) -> Int {
        guard let colon = b.firstIndex(of: 0x3A) else { return 0 }
        let before = words.filter { $0.range.upperBound <= colon }
        guard !before.isEmpty, before.count <= 8, before.count < words.count else { return 0 }
        let titled = before.allSatisfy { $0.startsUpper || $0.isAllCaps || WordForms.nameConnectors.contains($0.lowered)
            || WordForms.stopWords.contains($0.lowered) }
        return titled ? before.count : 0
    }

    /// The candidate names of a unit, given its words (`EntityExtractor.words`).
    func candidates(_ unit: TextUnit, words: [EntityWord]) -> [EntityCandidate] {
        let b = unit.bytes
        guard !words.isEmpty else { return [] }
        var out: [EntityCandidate] = []
        var consumed = Set<Int>()

        // Quoted titles first.
        for q in EntityExtractor.quotes(b) {
            let inside = words.indices.filter { words[$0].range.lowerBound >= q.lowerBound && words[$0].range.upperBound <= q.upperBound }
            guard inside.count >= 2, inside.count <= 15 else { continue }
            let ws = inside.map { words[$0] }
            guard ws[0].startsUpper else { continue }
            let significant = ws.filter { !WordForms.stopWords.contains($0.lowered) }
            guard significant.count >= 1 else { continue }
            let capitalised = significant.filter { $0.startsUpper || $0.isAllCaps }.count
            guard Double(capitalised) / Double(significant.count) >= 0.7 else { continue }
            out.append(EntityCandidate(range: q, words: ws, isQuotedTitle: true))
            consumed.formUnion(inside)
        }

        let initial = initialIndices(b, words)
        let lead = unit.isTitleCase ? words.count : leadInCount(b, words)
        func ordinary(_ i: Int) -> Bool {
            let w = words[i]
            if !w.isNameLike { return true }
            if w.parts.count == 1 && w.parts[0].count == 1 { return true }   // I, A, single letters
            if let first = w.parts.first?.first, ByteText.isDigit(first) { return true }  // 14th, 37-year-old: numbers
            if w.parts.count == 1, w.parts[0].count >= 2, w.parts[0][0] == 0x76, w.parts[0].dropFirst().allSatisfy(ByteText.isDigit) {
                return true   // v1 of v1.39: a version, checked as a number
            }
            if w.isPlainCapitalised, initial.contains(i) || i < lead, w.isCommonWord,
               !knownNames.contains(w.lowered) { return true }
            return false
        }
        // A known phrase stays whole even where its words would be ordinary: "Large Language
        // Models (LLMs) are…", "Named Entity Recognition (NER): …".
        var phraseEnd: [Int: Int] = [:]
        if !phrases.isEmpty {
            for i in words.indices where words[i].isNameLike {
                var phrase = words[i].lowered
                var k = i + 1
                while k < words.count, k < i + 6 {
                    phrase += " " + words[k].lowered
                    if phrases.contains(phrase) { phraseEnd[i] = k + 1 }
                    k += 1
                }
            }
        }
        var i = 0
        while i < words.count {
            let forced = phraseEnd[i].map { Array(i..<$0) }
            guard !consumed.contains(i), !ordinary(i) || forced != nil else { i += 1; continue }
            var run = forced ?? [i]
            var j = run.last! + 1
            while j < words.count, !consumed.contains(j) {
                let gap = words[run.last!].range.upperBound..<words[j].range.lowerBound
                guard EntityExtractor.isSpaceGap(b, gap) else { break }
                if !ordinary(j) { run.append(j); j += 1; continue }
                // A connector inside a name: Bank of America, Ludwig van Beethoven, Bank of the West.
                let w = words[j].lowered
                if !words[j].startsUpper, WordForms.nameConnectors.contains(w), w != "the" || words[run.last!].lowered == "of",
                   j + 1 < words.count, !consumed.contains(j + 1), !ordinary(j + 1) || (words[j + 1].lowered == "the"),
                   EntityExtractor.isSpaceGap(b, words[j].range.upperBound..<words[j + 1].range.lowerBound) {
                    var k = j + 1
                    if words[k].lowered == "the" {
                        guard k + 1 < words.count, !ordinary(k + 1),
                              EntityExtractor.isSpaceGap(b, words[k].range.upperBound..<words[k + 1].range.lowerBound) else { break }
                        k += 1
                    }
                    run.append(contentsOf: j...k)
                    j = k + 1
                    continue
                }
                break
            }
            let ws = run.map { words[$0] }
            let phrase = ws.map(\.lowered).joined(separator: " ")
            let allGeneric = ws.allSatisfy { w in
                vocabulary.contains(w.lowered) || WordForms.nameConnectors.contains(w.lowered)
                    || (w.parts.count > 1 && w.parts.allSatisfy { vocabulary.contains(String(decoding: $0, as: UTF8.self)) })
            }
            if !vocabulary.contains(phrase) && !allGeneric {
                out.append(EntityCandidate(range: ws.first!.range.lowerBound..<ws.last!.range.upperBound, words: ws,
                                           isQuotedTitle: false))
            }
            i = j
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func isSpaceGap(_ b: [UInt8], _ gap: Range<Int>) -> Bool {
        gap.count == 1 && b[gap.lowerBound] == 0x20
    }

    /// Byte ranges of quoted text (contents only), with straight or curly double quotes.
    static func quotes(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var open: Int?
        var openCurly: Int?
        var i = 0
        while i < b.count {
            if b[i] == 0x22 {
                if let o = open { out.append((o + 1)..<i); open = nil } else { open = i }
            } else if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80 {
                if b[i + 2] == 0x9C { openCurly = i + 3 }
                if b[i + 2] == 0x9D, let o = openCurly { out.append(o..<i); openCurly = nil }
                i += 3
                continue
            }
            i += 1
        }
        return out.map { TextUnits.trimmed(b, $0) }.filter { !$0.isEmpty }
    }
}
