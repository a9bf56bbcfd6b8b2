import Foundation

/// Checks a post (and its blueprint) against what the crew could draw on.
///
/// Findings (`scorer: "grounding"`):
/// - `uncited-entity` (error): a name absent from the whole basis;
/// - `unsupported-number` (error): a number absent from the whole basis in every spelling;
/// - `not-retrieved` (warning): a name or number that is in the source documents but in none of
///   the run's retrievals (only when both are known);
/// - `unsupported-claim` (warning): a sentence whose best passages support few of its words.
///
/// Names and numbers found in the blueprint are reported with the same kinds, "in the blueprint",
/// without a location. With no retrievals, sources or blueprint evidence the scorer is skipped.
public enum GroundingScorer {
    public static let name = "grounding"

    /// Scores `post` against `basis`.
    public static func score(post: PostDocument, basis: GroundingBasis,
                             options: GroundingOptions = GroundingOptions()) -> ScorerResult {
        guard basis.canGround else {
            return ScorerResult(
                scorer: name, status: .skipped,
                detail: "no basis: no retrievals, source documents or blueprint evidence (task descriptions alone cannot ground a post)",
                primaryMetric: GroundingMetrics.primary.name, facts: ["basis": basis.summary])
        }
        let index = BasisIndex(basis)
        let analysis = analyze(post: post, index: index, options: options)
        return result(post: post, basis: basis, index: index, analysis: analysis)
    }

    // MARK: - Analysis

    static func analyze(post: PostDocument, index: BasisIndex, options: GroundingOptions) -> GroundingAnalysis {
        let postUnits = TextUnits.post(post)
        let blueprintUnits = options.blueprint.map(TextUnits.blueprint) ?? []
        let units = postUnits + blueprintUnits
        let vocabulary = GenericVocabulary(allowed: options.allowedTerms)
        var extractor = EntityExtractor(vocabulary: vocabulary)
        var known = Set<String>()
        for unit in units { known.formUnion(extractor.midSentenceNames(unit)) }
        extractor.knownNames = known
        let definitions = AcronymDefinitions(units: units)
        extractor.phrases = GenericVocabulary.builtIn.filter { $0.contains(" ") }.union(definitions.longForms)

        // The blueprint's words and numbers: headings that copy the blueprint's titles are not claims.
        var blueprintWords = Set<String>()
        var blueprintNumbers = Set<NumberKey>()
        if let blueprint = options.blueprint {
            let bytes = Array(blueprint.utf8)
            bytes.withUnsafeBufferPointer { p in
                ByteText.forEachWord(p) { _, _, lowered in blueprintWords.insert(String(decoding: lowered, as: UTF8.self)) }
                for m in NumberScanner.scan(p) { blueprintNumbers.formUnion(m.keys) }
            }
        }

        var results: [GroundingAnalysis.UnitResult] = []
        var items: [GroundingAnalysis.Item] = []
        for (u, unit) in units.enumerated() {
            let chatter = unit.role != .blueprintLine && Chatter.isChatter(unit)
            var result = GroundingAnalysis.UnitResult(unit: unit, isChatter: chatter, isClaim: false, assessment: nil,
                                                      claimUnsupported: false)
            defer { results.append(result) }
            if chatter { continue }

            for candidate in extractor.candidates(unit) {
                if unit.role == .heading,
                   candidate.words.allSatisfy({ w in w.parts.allSatisfy { blueprintWords.contains(String(decoding: $0, as: UTF8.self)) } }) {
                    continue
                }
                guard let mask = EntityLookup.kinds(candidate, index: index, vocabulary: vocabulary, definitions: definitions)
                else { continue }
                let key = candidate.words.map(\.lowered).joined(separator: " ")
                items.append(.init(kind: .entity, verdict: verdict(mask, index: index), unit: u, range: candidate.range, key: key))
            }

            let mentions = numbers(in: unit)
            let timeWords = ["open", "opens", "close", "closes", "closed", "until", "till", "hours", "o'clock", "noon", "midnight"]
            let lowered = String(decoding: unit.bytes.map(ByteText.lower), as: UTF8.self)
            let aboutTimes = mentions.contains(where: \.isTime) || timeWords.contains { lowered.contains($0) }
            for mention in mentions {
                if unit.role == .heading, mention.keys.contains(where: blueprintNumbers.contains) { continue }
                let currency = mention.range.lowerBound > 0 && "$€£¥".utf8.contains(unit.bytes[mention.range.lowerBound - 1])
                let mask = index.numberKinds(mention.keys, aboutTimes: aboutTimes && !currency)
                items.append(.init(kind: .number, verdict: verdict(mask, index: index), unit: u, range: mention.range,
                                   key: mention.keys.first?.description ?? unit.text(mention.range)))
            }

            if unit.role == .paragraph || unit.role == .listItem || unit.role == .tableRow {
                let assessment = ClaimSupport.assess(unit, index: index)
                result.assessment = assessment
                if assessment.contentWords >= options.minimumClaimWords {
                    result.isClaim = true
                    result.claimUnsupported = assessment.support < options.claimThreshold
                }
            }
        }
        return GroundingAnalysis(units: results, items: items)
    }

    private static func verdict(_ mask: UInt8, index: BasisIndex) -> GroundingAnalysis.Verdict {
        let grounding = GroundingBasis.Kind.retrieval.rawValue | GroundingBasis.Kind.task.rawValue
            | GroundingBasis.Kind.blueprintEvidence.rawValue
        if mask & grounding != 0 { return .supported }
        if mask & GroundingBasis.Kind.source.rawValue != 0 {
            let hasRetrievals = index.passageKind.contains(GroundingBasis.Kind.retrieval.rawValue)
            return hasRetrievals ? .notRetrieved : .supported
        }
        return .unsupported
    }

    /// The numbers of a unit worth checking: list ordinals, heading numbers, step numbers,
    /// "one" and "24/7" are not claims.
    static func numbers(in unit: TextUnit) -> [NumberMention] {
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

    // MARK: - Result

    static func result(post: PostDocument, basis: GroundingBasis, index: BasisIndex,
                       analysis: GroundingAnalysis) -> ScorerResult {
        var findings: [Finding] = []
        var uncited = Set<String>(), unsupportedNumbers = Set<String>(), notRetrieved = Set<String>()
        var flaggedUnits = Set<Int>()
        let basisText = basis.summary

        for item in analysis.items where item.verdict != .supported {
            let unit = analysis.units[item.unit].unit
            let inBlueprint = unit.role == .blueprintLine
            let written = unit.text(item.range)
            let sentence = unit.sentence(in: post)
            let location = unit.postRange(item.range, in: post).map { post.location($0) }
            let evidence = nearestEvidence(unit, index: index)
            let place = inBlueprint ? " in the blueprint" : ""
            var kind: String, severity: Finding.Severity, message: String
            switch (item.kind, item.verdict) {
            case (.entity, .unsupported):
                kind = "uncited-entity"; severity = .error
                message = "“\(written)”\(place) is not in the basis (\(basisText)); cite a source that names it or remove it"
                uncited.insert(item.key)
            case (.number, .unsupported):
                kind = "unsupported-number"; severity = .error
                message = "“\(written)”\(place) is not in the basis (\(basisText)) in any spelling; check the figure against the sources"
                unsupportedNumbers.insert(item.key)
            default:
                kind = "not-retrieved"; severity = .warning
                message = "“\(written)”\(place) is in the source documents but in none of the run's \(basis.retrievalCount) retrievals; the writer did not get it from the research"
                notRetrieved.insert(item.key)
            }
            if item.verdict == .unsupported, !inBlueprint { flaggedUnits.insert(item.unit) }
            findings.append(Finding(kind: kind, severity: severity, scorer: name, message: message, location: location,
                                    match: written, sentence: sentence, evidence: evidence))
        }

        var claims = 0, claimUnits = 0
        for (u, result) in analysis.units.enumerated() where result.isClaim {
            claimUnits += 1
            guard result.claimUnsupported, let a = result.assessment else { continue }
            claims += 1
            flaggedUnits.insert(u)
            let unit = result.unit
            let span = a.uncoveredSpan ?? 0..<unit.bytes.count
            let range = unit.postRange(span, in: post) ?? unit.postRange(0..<unit.bytes.count, in: post)
            let percent = Int((a.passageCoverage * 100).rounded())
            findings.append(Finding(
                kind: "unsupported-claim", severity: .warning, scorer: name,
                message: "Sentence has little support in the basis: its best passages hold \(percent)% of its content words (support \(String(format: "%.2f", a.support)))",
                location: range.map { post.location($0) }, match: unit.text(span), sentence: unit.sentence(in: post),
                evidence: nearestEvidence(unit, index: index, assessment: a)))
        }
        findings.sort { ($0.location?.offset ?? Int.max, $0.kind) < ($1.location?.offset ?? Int.max, $1.kind) }

        let flaggedClaimUnits = analysis.units.indices.filter { analysis.units[$0].isClaim && flaggedUnits.contains($0) }.count
        let ratio = claimUnits == 0 ? 1.0 : Double(claimUnits - flaggedClaimUnits) / Double(claimUnits)
        let metrics = [
            MetricValue(GroundingMetrics.supportedSentenceRatio.name, ratio),
            MetricValue(GroundingMetrics.uncitedEntities.name, Double(uncited.count)),
            MetricValue(GroundingMetrics.unsupportedNumbers.name, Double(unsupportedNumbers.count)),
            MetricValue(GroundingMetrics.unsupportedClaims.name, Double(claims)),
            MetricValue(GroundingMetrics.notRetrieved.name, Double(notRetrieved.count)),
        ]
        let kinds = GroundingBasis.Kind.allCases.filter { k in index.passageKind.contains(k.rawValue) }.map(\.name)
        return ScorerResult(scorer: name, status: .scored, detail: "basis: \(basisText)",
                            primaryMetric: GroundingMetrics.primary.name, metrics: metrics, findings: findings,
                            facts: ["basis": basisText, "basis_kinds": kinds.joined(separator: ", "),
                                    "checked_sentences": String(claimUnits),
                                    "supported_sentences": String(claimUnits - flaggedClaimUnits)])
    }

    private static func nearestEvidence(_ unit: TextUnit, index: BasisIndex, assessment: ClaimAssessment? = nil) -> Evidence? {
        let a = assessment ?? ClaimSupport.assess(unit, index: index)
        guard let chunk = a.bestChunk else { return nil }
        return Evidence(passage: index.chunkText(chunk), source: index.chunkOrigin(chunk), score: (a.bestScore * 100).rounded() / 100)
    }
}

/// Acronyms the post or blueprint defines: "Large Language Models (LLMs)" links the long name
/// and the acronym, so either grounds (or, when generic, excuses) the other.
struct AcronymDefinitions: Sendable {
    /// Lower-cased long name ↔ lower-cased acronym (plural s dropped), both directions.
    private(set) var partner: [String: String] = [:]
    /// The long names.
    private(set) var longForms: Set<String> = []

    init(units: [TextUnit]) {
        for unit in units {
            let b = unit.bytes
            let words = EntityExtractor.words(b)
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
