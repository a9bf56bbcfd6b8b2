import EvalCrew
import Foundation

/// A `RunStore` that keeps what the runner commits in memory, so runner tests can look at it
/// (and can make the store fail on demand).
actor RecordingStore: RunStore {
    struct Run {
        var new: NewRun
        var status: RunStatus = .running
        var cases: [CaseResult] = []
    }

    private(set) var runs: [RunID: Run] = [:]
    /// After this many committed cases, `recordCase` throws.
    var failAfter: Int?

    func setFailAfter(_ n: Int?) { failAfter = n }

    func beginRun(_ run: NewRun) async throws(StoreError) -> RunID {
        let id = String(format: "%012x", runs.count + 1)
        runs[id] = Run(new: run)
        return id
    }

    func recordCase(_ result: CaseResult, in run: RunID) async throws(StoreError) {
        if let failAfter, runs[run]!.cases.count >= failAfter {
            throw .database(path: "memory", operation: "record a case", message: "disk full")
        }
        runs[run]!.cases.append(result)
    }

    func finishRun(_ run: RunID, status: RunStatus, endedAt: Date) async throws(StoreError) {
        runs[run]!.status = status
    }

    func listRuns(suite: String?) async throws(StoreError) -> [RunSummary] { [] }
    func resolve(_ reference: RunReference, suite: String?) async throws(StoreError) -> RunID { throw .noSuchRun("\(reference)") }
    func loadRun(_ id: RunID) async throws(StoreError) -> StoredRun { throw .noSuchRun(id) }
    func loadScores(_ id: RunID) async throws(StoreError) -> RunScores { throw .noSuchRun(id) }
    func loadCase(_ id: RunID, caseID: String, repeatIndex: Int) async throws(StoreError) -> CaseResult? { throw .noSuchRun(id) }
    func deleteRun(_ id: RunID) async throws(StoreError) { runs[id] = nil }
    func addScoring(_ scoring: NewScoring, to run: RunID) async throws(StoreError) {}
    func recordGateCheck(_ report: GateReport) async throws(StoreError) {}
    func latestGateCheck(of run: RunID) async throws(StoreError) -> GateReport? { nil }
}
