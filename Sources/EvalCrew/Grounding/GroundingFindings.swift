import Foundation

/// Turns a grounding analysis into findings, metrics and facts.
extension GroundingScorer {
    static func result(post: PostDocument, basis: GroundingBasis, index: BasisIndex,
                       analysis: GroundingAnalysis) -> ScorerResult {
        var findings: [Finding] = []
        var uncited = Set<String>(), unsupportedNumbers = Set<String>(), notRetrieved = Set<String>()
        var flaggedUnits = Set<Int>()
        let basisText = basis.summary

        // The nearest passage of each unit, computed once.
        var evidenceCache: [Int: Evidence?] = [:]
        func evidence(_ u: Int) -> Evidence? {
            if let cached = evidenceCache[u] { return cached }
            let e = nearestEvidence(analysis.units[u].unit, index: index, assessment: analysis.units[u].assessment)
            evidenceCache[u] = e
            return e
        }

        for item in analysis.items where item.verdict != .supported {
            let unit = analysis.units[item.unit].unit
            let inBlueprint = unit.role == .blueprintLine
            let written = unit.text(item.range)
            let sentence = unit.sentence(in: post)
            let location = unit.postRange(item.range, in: post).map { post.location($0) }
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
                                    match: written, sentence: sentence, evidence: evidence(item.unit)))
        }

        var claims = 0, claimUnits = 0
        for (u, result) in analysis.units.enumerated() where result.isClaim {
            claimUnits += 1
            guard result.claimUnsupported, let a = result.assessment else { continue }
            claims += 1
            flaggedUnits.insert(u)
            let unit = result.unit
            let span = a.contradiction?.word ?? a.uncoveredSpan ?? 0..<unit.bytes.count
            let range = unit.postRange(span, in: post) ?? unit.postRange(0..<unit.bytes.count, in: post)
            let percent = Int((a.passageCoverage * 100).rounded())
            let message: String
            if let c = a.contradiction {
                message = "Sentence states “\(unit.text(c.word))”, but the basis says “\(c.statement)”; check the claim against the source"
            } else {
                message = "Sentence has little support in the basis: its best passages hold \(percent)% of its content words (support \(String(format: "%.2f", a.support))); cite a source or cut it"
            }
            findings.append(Finding(
                kind: "unsupported-claim", severity: .warning, scorer: name, message: message,
                location: range.map { post.location($0) }, match: unit.text(span), sentence: unit.sentence(in: post),
                evidence: evidence(u)))
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
