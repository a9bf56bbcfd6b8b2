/// Tallies rules (error-severity finding kinds) per repeat over the cases both runs scored.
enum RuleChecks {
    static func compare(shared: [String], a: [String: [ScoredResult]], b: [String: [ScoredResult]]) -> [RuleComparison] {
        var scorers: [String: String] = [:]
        var order: [String] = []
        for caseID in shared {
            for result in a[caseID]! + b[caseID]! {
                for finding in result.findings where finding.severity == .error && scorers[finding.kind] == nil {
                    scorers[finding.kind] = finding.scorer
                    order.append(finding.kind)
                }
            }
        }
        return order.map { rule in
            func failures(_ results: [ScoredResult]) -> Int {
                results.filter { $0.findings.contains { $0.kind == rule && $0.severity == .error } }.count
            }
            let tallies = shared.map { caseID in
                CaseRuleTally(caseID: caseID, aFailures: failures(a[caseID]!), aRepeats: a[caseID]!.count,
                              bFailures: failures(b[caseID]!), bRepeats: b[caseID]!.count)
            }
            return RuleComparison(
                rule: rule, scorer: scorers[rule]!, cases: tallies,
                a: RuleTally(failures: tallies.reduce(0) { $0 + $1.aFailures }, repeats: tallies.reduce(0) { $0 + $1.aRepeats },
                             casesAlwaysPassing: tallies.filter { $0.aFailures == 0 }.count, cases: tallies.count),
                b: RuleTally(failures: tallies.reduce(0) { $0 + $1.bFailures }, repeats: tallies.reduce(0) { $0 + $1.bRepeats },
                             casesAlwaysPassing: tallies.filter { $0.bFailures == 0 }.count, cases: tallies.count))
        }
    }
}
