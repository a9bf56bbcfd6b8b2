/// Whether a case passed, as JUnit and the Markdown summary report it.
///
/// A case fails when any of its repeats was not scored (the crew failed, timed out, or its output
/// could not be read), when any scored repeat has an error-severity finding (a rule such as an
/// uncited entity, a platform error or a missing section), or, when comparing, when it is labelled
/// worse than the baseline on a verdict metric. Warnings and info findings never fail a case.
public struct CaseOutcome: Sendable, Equatable {
    public var caseID: String
    /// Repeats stored and repeats scored.
    public var repeats: Int
    public var scoredRepeats: Int
    /// `#repeat status: error` of every repeat not scored.
    public var notScored: [String]
    /// Distinct error findings over the scored repeats, first occurrence kept.
    public var errors: [Finding]
    /// Verdict metrics on which the case is labelled worse, with their comparisons.
    public var worse: [CaseMetricComparison]
    public var better: [CaseMetricComparison]

    public var failed: Bool { !notScored.isEmpty || !errors.isEmpty || !worse.isEmpty }

    /// One line per reason, for failure messages.
    public var reasons: [String] {
        notScored.map { "not scored: \($0)" }
            + errors.map { "\($0.kind): \($0.message)" }
            + worse.map { comparison in
                "worse than the baseline on \(comparison.metric): \(ReportNumber.format(comparison.a?.mean)) → \(ReportNumber.format(comparison.b?.mean))"
            }
    }

    /// The outcome of every case of the input's run, in first-stored order.
    public static func all(_ input: RunReportInput) -> [CaseOutcome] {
        input.caseIDs.map { caseID in
            let results = input.results(of: caseID, in: input.run)
            var seen = Set<String>()
            var errors: [Finding] = []
            for finding in results.flatMap({ $0.report?.findings ?? [] }) where finding.severity == .error {
                let key: String = finding.kind + "\u{1F}" + (finding.match ?? finding.message)
                if seen.insert(key).inserted { errors.append(finding) }
            }
            let comparisons = input.comparison?.caseMetrics(of: caseID) ?? []
            return CaseOutcome(
                caseID: caseID, repeats: results.count, scoredRepeats: results.filter { $0.status == .scored }.count,
                notScored: results.filter { $0.status != .scored }.map {
                    "#\($0.repeatIndex) \($0.status.rawValue)" + ($0.error.map { ": \($0)" } ?? "")
                },
                errors: errors, worse: comparisons.filter { $0.label == .worse }, better: comparisons.filter { $0.label == .better })
        }
    }

    /// Failing cases first, most reasons first; stable otherwise.
    public static func worstFirst(_ outcomes: [CaseOutcome]) -> [CaseOutcome] {
        outcomes.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.worse.count != b.worse.count { return a.worse.count > b.worse.count }
            if a.notScored.count != b.notScored.count { return a.notScored.count > b.notScored.count }
            if a.errors.count != b.errors.count { return a.errors.count > b.errors.count }
            return x.offset < y.offset
        }.map(\.element)
    }
}
