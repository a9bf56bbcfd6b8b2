/// Decides which basis kinds hold a candidate name, across spelling variants.
///
/// Matching rules (both sides lower-cased, possessives split off by the tokenizer):
/// - one word: the word or its plural/singular (`Model Cards` ~ `Model Card`); hyphen, space
///   and CamelCase variants (`Zorb-Net` ~ `ZorbNet`, `HuggingFace` ~ `Hugging Face`, `Takeout` ~
///   `take out`); an acronym (`FLSA`, `U.S.`) also matches the initials of a capitalised run in
///   the basis (any stretch of it: `DEA` in "U.S. Drug Enforcement Administration"); a
///   descriptive tail is dropped (`Tuscan-style` → Tuscan, `Santa Barbara-based`); demonyms meet
///   their place (`Singaporean` ~ Singapore, `Texan` ~ Texas); US states meet their postal codes
///   (`California` ~ `CA`) and address words their abbreviations (`Avenue` ~ `Ave`);
/// - several words: all their stems within a window of (words + 2) tokens in one passage, in
///   any order; failing that, every word grounded on its own (a run of two adjacent names,
///   `Hugging Face Transformers`); failing that, a person's surname (`President Obama` ~
///   `Barack Obama`), titles such as "President" ignored;
/// - a quoted title: all its significant words close together in one passage, never part by part;
/// - an acronym the post defines (`Large Language Models (LLMs)`): its partner's verdict counts.
enum EntityLookup {
    /// The kinds holding `candidate`, or nil when it is generic vocabulary.
    static func kinds(_ candidate: EntityCandidate, index: BasisIndex, vocabulary: GenericVocabulary,
                      definitions: AcronymDefinitions) -> UInt8? {
        var words = candidate.words.filter { !WordForms.nameConnectors.contains($0.lowered) || $0.startsUpper }
        let phrase = candidate.words.map(\.lowered).joined(separator: " ")
        var mask: UInt8 = 0
        if let partner = definitions.partner[phrase] ?? definitions.partner[depluralised(phrase)] {
            if vocabulary.contains(partner) { return nil }
            mask |= kinds(ofPhrase: partner, index: index)
        }
        if candidate.isQuotedTitle {
            let significant = words.filter { !WordForms.stopWords.contains($0.lowered) }
            let use = significant.count >= 2 ? significant : words
            guard let stems = stems(use, index) else { return mask }
            return mask | index.phraseKinds(stems, slack: words.count)
        }
        // Titles are not part of the name: "President Obama", "Kentucky Senator".
        let untitled = words.filter { !WordForms.honorifics.contains($0.lowered) }
        if !untitled.isEmpty { words = untitled }
        for alternative in PlaceNames.alternatives(words.map(\.lowered).joined(separator: " ")) {
            mask |= kinds(ofPhrase: alternative, index: index)
        }
        if words.count == 1 {
            var w = words[0]
            if w.parts.count > 1, let last = w.parts.last, compoundTails.contains(String(decoding: last, as: UTF8.self)) {
                w.parts.removeLast()
                if vocabulary.contains(w.lowered) { return nil }   // "American-style": generic
            }
            return mask | wordKinds(w, index: index)
        }
        if let stems = stems(words, index) { mask |= index.phraseKinds(stems, slack: 2) }
        if mask != 0 { return mask }
        // Initials: "Fair Labor Standards Act" grounded by "FLSA".
        let initials = words.compactMap { $0.parts.first?.first }
        if initials.count >= 2 { mask |= index.wordKinds(initials) }
        if mask != 0 { return mask }
        // Every word grounded on its own (two adjacent names).
        let each = words.map { vocabulary.contains($0.lowered) ? UInt8.max : wordKinds($0, index: index) }
        if !each.contains(0) {
            let all = each.reduce(UInt8.max) { $0 & $1 }
            return all != 0 && all != UInt8.max ? all : each.filter { $0 != UInt8.max }.reduce(0) { $0 | $1 }
        }
        // A surname: "Barack Obama" grounded by "President Obama".
        if words.count <= 3, let last = words.last, last.isPlainCapitalised, !last.isCommonWord {
            return wordKinds(last, index: index)
        }
        return 0
    }

    /// Descriptive tails of compounds: "Tuscan-style" is about Tuscan, "Santa Barbara-based" about Santa Barbara.
    static let compoundTails: Set<String> = ["style", "based", "inspired", "born", "owned", "friendly", "made", "like",
                                             "themed", "focused", "centric", "driven", "powered", "native", "specific",
                                             "bound", "area", "wide", "run", "led", "backed", "compatible", "ready"]

    /// Street-address abbreviations, both ways.
    static let addressForms: [String: String] = [
        "north": "n", "south": "s", "east": "e", "west": "w", "avenue": "ave", "street": "st", "boulevard": "blvd",
        "road": "rd", "drive": "dr", "lane": "ln", "court": "ct", "place": "pl", "highway": "hwy", "suite": "ste",
        "mount": "mt", "saint": "st", "fort": "ft", "parkway": "pkwy", "square": "sq",
    ]

    /// Kinds holding one word in any of its spellings.
    static func wordKinds(_ w: EntityWord, index: BasisIndex) -> UInt8 {
        var w = w
        if w.parts.count > 1, let last = w.parts.last, compoundTails.contains(String(decoding: last, as: UTF8.self)) {
            w.parts.removeLast()
        }
        var mask = index.wordKinds(w.joined)
        if let form = addressForms[w.lowered] ?? addressForms.first(where: { $0.value == w.lowered })?.key {
            mask |= index.wordKinds(Array(form.utf8))
        }
        if w.parts.count > 1, let stems = stems(w.parts, index) { mask |= index.phraseKinds(stems, slack: 0) }
        if w.isCamel, w.camelParts.count > 1, let stems = stems(w.camelParts, index) { mask |= index.phraseKinds(stems, slack: 0) }
        if w.isAllCaps {
            var letters = w.joined
            if letters.count > 2, letters.last == 0x73 { letters.removeLast(); mask |= index.wordKinds(letters) }
            mask |= index.acronymKinds(letters)
        }
        // Capitalised compounds of names: "Texas-Mexico" when both are named.
        if mask == 0, w.parts.count > 1, w.startsUpper {
            let each = w.parts.map { index.wordKinds($0) }
            if !each.contains(0) { mask |= each.reduce(0) { $0 | $1 } }
        }
        // Closed or spaced spelling: "Takeout" ~ "take out", "Wifi" ~ "Wi Fi".
        if mask == 0, w.parts.count == 1, w.parts[0].count >= 5 {
            let word = w.parts[0]
            for cut in 2...(word.count - 2) {
                let a = Array(word[..<cut]), b = Array(word[cut...])
                guard index.surfaceKinds(a) != 0, index.surfaceKinds(b) != 0,
                      let sa = index.stemID(a), let sb = index.stemID(b) else { continue }
                mask |= index.phraseKinds([sa, sb], slack: 0)
            }
        }
        // Demonyms: "Singaporean" ~ Singapore, "Texan" ~ Texas, "Pennsylvanians" ~ Pennsylvania.
        if mask == 0, w.isPlainCapitalised, w.parts.count == 1 {
            for base in demonymBases(w.parts[0]) { mask |= index.wordKinds(base) }
        }
        return mask
    }

    private static func demonymBases(_ w: [UInt8]) -> [[UInt8]] {
        var word = w
        if word.last == 0x73 { word.removeLast() }
        var out: [[UInt8]] = []
        for suffix in ["ian", "ean", "an", "ese", "ish", "i", "er"] {
            let s = Array(suffix.utf8)
            guard word.count > s.count + 2, word.suffix(s.count).elementsEqual(s) else { continue }
            let stem = Array(word.dropLast(s.count))
            for ending in ["", "a", "e", "s", "ia", "o", "y"] { out.append(stem + Array(ending.utf8)) }
        }
        return out
    }

    private static func kinds(ofPhrase phrase: String, index: BasisIndex) -> UInt8 {
        let parts = phrase.split(separator: " ").map { Array($0.utf8) }
        if parts.count == 1 { return index.wordKinds(parts[0]) | index.acronymKinds(parts[0]) }
        guard let stems = stems(parts, index) else { return 0 }
        return index.phraseKinds(stems, slack: 2)
    }

    private static func stems(_ words: [EntityWord], _ index: BasisIndex) -> [Int32]? {
        stems(words.flatMap(\.parts), index)
    }

    private static func stems(_ parts: [[UInt8]], _ index: BasisIndex) -> [Int32]? {
        var out: [Int32] = []
        for p in parts {
            guard let s = index.stemID(p) else { return nil }
            out.append(s)
        }
        return out
    }

    private static func depluralised(_ s: String) -> String { s.hasSuffix("s") ? String(s.dropLast()) : s }
}
