/// A pass/fail rule across two runs: one finding kind of error severity (a platform error, an
/// uncited entity, a fence wrapper, a missing section…), failed by a repeat that has such a finding.
///
/// Rules gate on their own, without statistics: "newly failing" is a case that never failed in A
/// and fails in at least half of B's repeats.
public struct RuleComparison: Sendable, Equatable {
    /// The finding kind, e.g. `fence-wrapper`.
    public var rule: String
    public var scorer: String
    /// Every case scored in both runs, in suite order.
    public var cases: [CaseRuleTally]
    public var a: RuleTally
    public var b: RuleTally

    public init(rule: String, scorer: String, cases: [CaseRuleTally], a: RuleTally, b: RuleTally) {
        self.rule = rule
        self.scorer = scorer
        self.cases = cases
        self.a = a
        self.b = b
    }

    /// The cases where the rule newly fails.
    public var newlyFailing: [String] { cases.filter(\.isNewlyFailing).map(\.caseID) }
}

/// One case's failures of one rule in both runs.
public struct CaseRuleTally: Sendable, Equatable {
    public var caseID: String
    public var aFailures: Int
    public var aRepeats: Int
    public var bFailures: Int
    public var bRepeats: Int

    public init(caseID: String, aFailures: Int, aRepeats: Int, bFailures: Int, bRepeats: Int) {
        self.caseID = caseID
        self.aFailures = aFailures
        self.aRepeats = aRepeats
        self.bFailures = bFailures
        self.bRepeats = bRepeats
    }

    /// Never failed in A, fails in at least half of B's repeats.
    public var isNewlyFailing: Bool { aFailures == 0 && bRepeats > 0 && 2 * bFailures >= bRepeats && bFailures > 0 }
}

/// A rule's failures over one run's shared cases.
public struct RuleTally: Sendable, Equatable {
    /// Repeats that failed, of all scored repeats.
    public var failures: Int
    public var repeats: Int
    /// Cases whose every repeat passed, of all cases: pass^k.
    public var casesAlwaysPassing: Int
    public var cases: Int

    public init(failures: Int, repeats: Int, casesAlwaysPassing: Int, cases: Int) {
        self.failures = failures
        self.repeats = repeats
        self.casesAlwaysPassing = casesAlwaysPassing
        self.cases = cases
    }

    /// The share of cases that passed in every repeat (pass^k); nil with no case.
    public var passAllRepeats: Double? { cases > 0 ? Double(casesAlwaysPassing) / Double(cases) : nil }
}
