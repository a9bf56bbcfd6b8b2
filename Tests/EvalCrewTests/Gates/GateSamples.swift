import EvalCrew
import Foundation

/// Run scores built by hand for the gate tests.
enum GateSamples {
    /// One case result: scored with `metrics` (and `findings`), or not scored with `status`.
    struct Result {
        var caseID: String
        var repeatIndex: Int
        var status: CaseStatus = .scored
        var metrics: [String: Double] = [:]
        var findings: [Finding] = []
    }

    static func scored(_ caseID: String, _ repeatIndex: Int, _ metrics: [String: Double], findings: [Finding] = []) -> Result {
        Result(caseID: caseID, repeatIndex: repeatIndex, metrics: metrics, findings: findings)
    }

    static func failed(_ caseID: String, _ repeatIndex: Int, _ status: CaseStatus = .failed) -> Result {
        Result(caseID: caseID, repeatIndex: repeatIndex, status: status)
    }

    /// An error finding of `kind` (a rule failed by its repeat).
    static func error(_ kind: String, scorer: String = "platform") -> Finding {
        Finding(kind: kind, severity: .error, scorer: scorer, message: "\(kind) found")
    }

    static func run(_ id: String, suite: String = "gated", status: RunStatus = .completed, scorerVersion: String = "1",
                    _ results: [Result]) -> RunScores {
        let scored = results.filter { $0.status == .scored }.count
        let summary = RunSummary(id: id, suiteName: suite, label: nil, status: status, startedAt: Date(timeIntervalSince1970: 0),
                                 endedAt: nil, results: results.count, scoredResults: scored, plannedResults: results.count,
                                 scorerVersion: scorerVersion)
        return RunScores(summary: summary, suitePath: "suites/\(suite).yaml", suiteHash: "hash", metadata: [:],
                         results: results.map {
                             ScoredResult(caseID: $0.caseID, group: nil, repeatIndex: $0.repeatIndex, status: $0.status,
                                          error: $0.status == .scored ? nil : "it broke", metrics: $0.metrics, findings: $0.findings)
                         })
    }

    /// Gates parsed from the body of a `gates:` section.
    static func gates(_ body: String) throws -> SuiteGates {
        try GatesParser.parse("gates:\n" + body, firstLine: 1, path: "suite.yaml")
    }

    /// `cases` cases × 2 repeats of grounding's primary metric around `level` (±0.01), with `findings` in every repeat of `findingsIn`.
    static func groundingRun(_ id: String, level: Double, cases: Int = 6, suite: String = "gated", status: RunStatus = .completed,
                             scorerVersion: String = "1", findings: [Finding] = [], findingsIn: Set<String> = []) -> RunScores {
        var results: [Result] = []
        for index in 0..<cases {
            let caseID = "case-\(index)"
            for repeatIndex in 1...2 {
                let wobble = (repeatIndex == 1 ? 0.01 : -0.01) * Double(index % 3)
                results.append(scored(caseID, repeatIndex, ["grounding.supported_sentence_ratio": level + wobble],
                                      findings: findingsIn.contains(caseID) ? findings : []))
            }
        }
        return run(id, suite: suite, status: status, scorerVersion: scorerVersion, results)
    }
}
