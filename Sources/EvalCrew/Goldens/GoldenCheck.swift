/// A run checked against its suite's goldens: per case, pass or fail and why.
public struct GoldenCheck: Sendable {
    public var run: RunSummary
    /// `<root>/<suite>`.
    public var goldensFolder: String
    /// The goldens (A, one repeat per case) against the run (B), as `compare` sees them.
    public var comparison: RunComparison
    /// Every case with a golden or in the run: the run's order, then goldens the run lacks.
    public var cases: [GoldenCaseCheck]

    public init(run: RunSummary, goldensFolder: String, comparison: RunComparison, cases: [GoldenCaseCheck]) {
        self.run = run
        self.goldensFolder = goldensFolder
        self.comparison = comparison
        self.cases = cases
    }

    /// True when no case with a golden failed.
    public var passed: Bool { !cases.contains { $0.outcome == .failed } }

    public func count(_ outcome: GoldenCaseCheck.Outcome) -> Int { cases.filter { $0.outcome == outcome }.count }

    /// What limits the comparison, worth a note: a changed suite file, repeats of the run not scored.
    ///
    /// Cases on one side only are left out here: each has its own entry in `cases`.
    public var notes: [String] {
        comparison.issues.compactMap { issue in
            switch issue {
            case .onlyInA, .onlyInB, .failedInA:
                return nil
            case .failedInB(let results):
                let listed = results.prefix(8).joined(separator: ", ") + (results.count > 8 ? ", …" : "")
                return "\(results.count) result(s) of the run not scored, left out of its scores: \(listed)"
            case .suiteChanged:
                return "the suite file changed since the goldens were approved (its content hash differs): targets or sources may differ"
            default:
                return issue.message
            }
        }
    }
}

/// One case's check against its golden.
public struct GoldenCaseCheck: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case passed, failed
        /// In the run but never approved: reported, not failed.
        case noGolden = "no-golden"
    }

    public var caseID: String
    public var outcome: Outcome
    /// The approved repeat (nil without a golden).
    public var goldenRepeat: Int?
    /// The run's repeat whose post was checked: the one closest to the case's median (nil when none was scored).
    public var runRepeat: Int?
    /// The case has a golden but no result in the run at all.
    public var missingFromRun: Bool
    /// The case is in the run but none of its repeats was scored: `case#repeat (status)`.
    public var notScored: [String]
    /// Metrics labelled worse than the golden beyond the margin and the run's noise.
    public var worse: [CaseMetricComparison]
    /// The section structure of the run's representative post against the golden's (nil when not compared).
    public var sections: SectionStructure?
    /// Findings in the run that the golden does not have.
    public var newFindings: [Finding]

    public init(caseID: String, outcome: Outcome, goldenRepeat: Int?, runRepeat: Int?, missingFromRun: Bool = false,
                notScored: [String] = [], worse: [CaseMetricComparison] = [], sections: SectionStructure? = nil,
                newFindings: [Finding] = []) {
        self.caseID = caseID
        self.outcome = outcome
        self.goldenRepeat = goldenRepeat
        self.runRepeat = runRepeat
        self.missingFromRun = missingFromRun
        self.notScored = notScored
        self.worse = worse
        self.sections = sections
        self.newFindings = newFindings
    }
}
