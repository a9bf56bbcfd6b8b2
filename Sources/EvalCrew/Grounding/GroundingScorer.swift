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
        let unitWords = units.map { EntityExtractor.words($0.bytes) }
        var known = Set<String>()
        for (unit, words) in zip(units, unitWords) { known.formUnion(extractor.midSentenceNames(unit, words: words)) }
        extractor.knownNames = known
        let definitions = AcronymDefinitions(units: units, words: unitWords)
        extractor.phrases = GenericVocabulary.builtInPhrases.union(definitions.longForms)

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

        var cache = ClaimCache()
        var results: [GroundingAnalysis.UnitResult] = []
        var items: [GroundingAnalysis.Item] = []
        for (u, unit) in units.enumerated() {
            let chatter = unit.role != .blueprintLine && Chatter.isChatter(unit)
            var result = GroundingAnalysis.UnitResult(unit: unit, isChatter: chatter, isClaim: false, assessment: nil,
                                                      claimUnsupported: false)
            defer { results.append(result) }
            if chatter { continue }

            for candidate in extractor.candidates(unit, words: unitWords[u]) {
                if unit.role == .heading,
                   candidate.words.allSatisfy({ w in w.parts.allSatisfy { blueprintWords.contains(String(decoding: $0, as: UTF8.self)) } }) {
                    continue
                }
                guard let mask = EntityLookup.kinds(candidate, index: index, vocabulary: vocabulary, definitions: definitions)
                else { continue }
                let key = candidate.words.map(\.lowered).joined(separator: " ")
                items.append(.init(kind: .entity, verdict: verdict(mask, index: index), unit: u, range: candidate.range, key: key))
            }

            let mentions = CheckedNumbers.mentions(in: unit)
            // Only needed when the unit has numbers to check.
            let aboutTimes = !mentions.isEmpty
                && (mentions.contains(where: \.isTime) || timeWords.contains { containsLowered(unit.bytes, $0) })
            for mention in mentions {
                if unit.role == .heading, mention.keys.contains(where: blueprintNumbers.contains) { continue }
                let currency = mention.range.lowerBound > 0 && "$€£¥".utf8.contains(unit.bytes[mention.range.lowerBound - 1])
                let mask = index.numberKinds(mention.keys, aboutTimes: aboutTimes && !currency)
                items.append(.init(kind: .number, verdict: verdict(mask, index: index), unit: u, range: mention.range,
                                   key: mention.keys.first?.description ?? unit.text(mention.range)))
            }

            if unit.role == .paragraph || unit.role == .listItem || unit.role == .tableRow {
                let assessment = ClaimSupport.assess(unit, index: index, cache: &cache)
                result.assessment = assessment
                if assessment.contentWords >= options.minimumClaimWords {
                    result.isClaim = true
                    result.claimUnsupported = assessment.support < options.claimThreshold
                }
                // A plain statement that the record negates is unsupported however short.
                if assessment.contradiction != nil, assessment.contentWords >= 2 {
                    result.isClaim = true
                    result.claimUnsupported = true
                }
            }
        }
        return GroundingAnalysis(units: results, items: items)
    }

    private static let timeWords: [[UInt8]] = ["open", "opens", "close", "closes", "closed", "until", "till", "hours",
                                               "o'clock", "noon", "midnight"].map { Array($0.utf8) }

    /// Whether the ASCII-lower-cased `bytes` contain the (lower-case ASCII) `needle`, not followed
    /// by a combining mark (which would change the last character, as a canonical-equivalence
    /// search sees it).
    private static func containsLowered(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, count = bytes.count
        guard n > 0, count >= n else { return false }
        return bytes.withUnsafeBufferPointer { b in
            needle.withUnsafeBufferPointer { w in
                let first = w[0]
                var i = 0
                while i + n <= count {
                    if ByteText.lower(b[i]) == first {
                        var k = 1
                        while k < n, ByteText.lower(b[i + k]) == w[k] { k += 1 }
                        if k == n {
                            let j = i + n
                            let combining = j + 1 < count
                                && ((b[j] == 0xCC && b[j + 1] >= 0x80) || (b[j] == 0xCD && b[j + 1] <= 0xAF))
                            if !combining { return true }
                        }
                    }
                    i += 1
                }
                return false
            }
        }
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
}
