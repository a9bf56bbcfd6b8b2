import EvalCrew
import Foundation

/// Builds `RunScores` values for comparison tests: cases × repeats with chosen metric values and findings.
struct RunScoresBuilder {
    var id: String
    var suite = "demo"
    var suiteHash = "hash-1"
    var scorerVersion = "1.0.0"
    var status = RunStatus.completed
    var results: [ScoredResult] = []

    init(id: String) { self.id = id }

    /// Adds one scored repeat per value of `values` for `caseID`, each with `metrics` merged in.
    mutating func add(_ caseID: String, _ metric: String, _ values: [Double], group: String? = nil,
                      findings: [[Finding]] = [], extra: [String: Double] = [:]) {
        for (index, value) in values.enumerated() {
            let repeatIndex = results.filter { $0.caseID == caseID }.count + 1
            results.append(ScoredResult(caseID: caseID, group: group, repeatIndex: repeatIndex, status: .scored, error: nil,
                                        metrics: extra.merging([metric: value]) { $1 },
                                        findings: index < findings.count ? findings[index] : []))
        }
    }

    mutating func addFailure(_ caseID: String, status: CaseStatus = .failed) {
        let repeatIndex = results.filter { $0.caseID == caseID }.count + 1
        results.append(ScoredResult(caseID: caseID, group: nil, repeatIndex: repeatIndex, status: status, error: "exit 1",
                                    metrics: [:], findings: []))
    }

    var scores: RunScores {
        RunScores(summary: RunSummary(id: id, suiteName: suite, label: nil, status: status, startedAt: Date(timeIntervalSince1970: 0),
                                      endedAt: nil, results: results.count,
                                      scoredResults: results.filter { $0.status == .scored }.count,
                                      plannedResults: results.count, scorerVersion: scorerVersion),
                  suitePath: "/suites/\(suite).yaml", suiteHash: suiteHash, metadata: [:],
                  results: results)
    }
}
