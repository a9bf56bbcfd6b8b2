import Foundation

/// A comparison as JSON for machines (`compare --format json`); keys snake_case and sorted, numbers raw.
///
/// Differences and intervals are in each metric's own terms (positive = more of it); `direction`
/// says which way is better.
public enum ComparisonJSON {
    public static func encode(_ comparison: RunComparison, diffs: [PostDiff] = []) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(Document(comparison, diffs: diffs))
    }

    private struct Document: Encodable {
        var a: Run
        var b: Run
        var headline: String
        var comparable: Bool
        var sharedCases: Int
        var repeatsA: Int
        var repeatsB: Int
        var verdicts: [Verdict]
        var cases: [Case]
        var rules: [Rule]
        var findings: [Findings]
        var issues: [String]
        var diffs: [Diff]

        init(_ comparison: RunComparison, diffs: [PostDiff]) {
            a = Run(comparison.a)
            b = Run(comparison.b)
            headline = ComparisonHeadline.line(comparison)
            comparable = comparison.isComparable
            sharedCases = comparison.sharedCases.count
            repeatsA = comparison.repeatsA
            repeatsB = comparison.repeatsB
            verdicts = comparison.verdicts.map(Verdict.init)
            let byCase = Dictionary(grouping: comparison.caseMetrics, by: \.caseID)
            cases = comparison.sharedCases.map { Case(caseID: $0, metrics: (byCase[$0] ?? []).map(CaseMetric.init)) }
            rules = comparison.rules.map(Rule.init)
            findings = comparison.findings.map(Findings.init)
            issues = comparison.issues.map(\.message)
            self.diffs = diffs.map(Diff.init)
        }
    }

    private struct Run: Encodable {
        var id: String, suite: String, label: String?, status: String, startedAt: Date, scorerVersion: String
        init(_ summary: RunSummary) {
            id = summary.id
            suite = summary.suiteName
            label = summary.label
            status = summary.status.rawValue
            startedAt = summary.startedAt
            scorerVersion = summary.scorerVersion
        }
    }

    private struct Verdict: Encodable {
        var metric: String, direction: String, margin: Double, outcome: String, reason: String?, cases: Int
        var pairing: String, groups: Int?, meanDifference: Double?, interval: [Double]?, standardError: Double?
        var degreesOfFreedom: Int?, worseCases: Int, betterCases: Int, tiedCases: Int, wilcoxonP: Double?, holmP: Double?
        var bootstrapInterval: [Double]?, detectableChange: Double?, casesNeeded: Int?, repeatsNeeded: Int?, nearMargin: Bool
        init(_ verdict: MetricVerdict) {
            metric = verdict.metric.name
            direction = verdict.metric.direction.rawValue
            margin = verdict.metric.margin
            outcome = verdict.outcome.rawValue
            reason = verdict.reason
            cases = verdict.cases
            pairing = verdict.pairing.rawValue
            groups = verdict.groups
            meanDifference = verdict.meanDifference
            interval = verdict.interval.map { [$0.lowerBound, $0.upperBound] }
            standardError = verdict.standardError
            degreesOfFreedom = verdict.degreesOfFreedom
            worseCases = verdict.worseCases
            betterCases = verdict.betterCases
            tiedCases = verdict.tiedCases
            wilcoxonP = verdict.wilcoxonP
            holmP = verdict.holmP
            bootstrapInterval = verdict.shownBootstrapInterval.map { [$0.lowerBound, $0.upperBound] }
            detectableChange = verdict.detectableChange
            casesNeeded = verdict.casesNeeded
            repeatsNeeded = verdict.repeatsNeeded
            nearMargin = verdict.nearMargin
        }
    }

    private struct Case: Encodable {
        var caseID: String
        var metrics: [CaseMetric]
        enum CodingKeys: String, CodingKey { case caseID = "case", metrics }
    }

    private struct Repeats: Encodable {
        var values: [Double], mean: Double, min: Double, max: Double, standardDeviation: Double?
        init(_ summary: RepeatSummary) {
            values = summary.values
            mean = summary.mean
            min = summary.minimum
            max = summary.maximum
            standardDeviation = summary.standardDeviation
        }
    }

    private struct CaseMetric: Encodable {
        var metric: String, a: Repeats?, b: Repeats?, difference: Double?, band: Double, marginOnly: Bool, label: String
        init(_ comparison: CaseMetricComparison) {
            metric = comparison.metric
            a = comparison.a.map(Repeats.init)
            b = comparison.b.map(Repeats.init)
            difference = comparison.difference
            band = comparison.band
            marginOnly = comparison.marginOnly
            label = comparison.label.rawValue
        }
    }

    private struct Tally: Encodable {
        var failures: Int, repeats: Int, passAllRepeats: Double?
        init(_ tally: RuleTally) {
            failures = tally.failures
            repeats = tally.repeats
            passAllRepeats = tally.passAllRepeats
        }
    }

    private struct Rule: Encodable {
        var rule: String, scorer: String, a: Tally, b: Tally, newlyFailing: [String]
        init(_ rule: RuleComparison) {
            self.rule = rule.rule
            scorer = rule.scorer
            a = Tally(rule.a)
            b = Tally(rule.b)
            newlyFailing = rule.newlyFailing
        }
    }


    private struct Findings: Encodable {
        var caseID: String, new: [FindingDigest], resolved: [FindingDigest], persisting: Int
        enum CodingKeys: String, CodingKey { case caseID = "case", new, resolved, persisting }
        init(_ diff: FindingsDiff) {
            caseID = diff.caseID
            new = diff.new.map(FindingDigest.init)
            resolved = diff.resolved.map(FindingDigest.init)
            persisting = diff.persisting.count
        }
    }

    private struct Segment: Encodable {
        var change: String, text: String
    }

    private struct Diff: Encodable {
        var caseID: String, repeatA: Int, repeatB: Int, rewrite: Bool?, segments: [Segment]?
        enum CodingKeys: String, CodingKey { case caseID = "case", repeatA, repeatB, rewrite, segments }
        init(_ diff: PostDiff) {
            caseID = diff.caseID
            repeatA = diff.repeatA
            repeatB = diff.repeatB
            rewrite = diff.diff?.isRewrite
            segments = diff.diff?.segments.map { Segment(change: $0.change.rawValue, text: $0.text) }
        }
    }
}
