import Foundation
import XCTest
@testable import EvalCrew

/// Scored case results with posts and scores of the test's choosing, and runs of them in a store.
enum GoldenSamples {
    static let blueprint = """
        # Content Blueprint: Vector Databases

        ## Section 1: Why vectors (200 words)
        - Key point: similarity search
        """

    static let post = """
        # Vector Databases

        ## Why vectors

        A vector database ranks documents by similarity. It stores embeddings.

        ## Indexes

        An index makes the search fast.
        """

    /// A case result scored by the real scorers, with the primary grounding metric set to `grounding` when given.
    static func scoredCase(_ caseID: String, repeatIndex: Int = 1, post: String = post, grounding: Double? = nil,
                           extraFinding: Finding? = nil) -> CaseResult {
        let run = CrewRun(format: .json, tasks: [
            CrewTask(name: "draft_creation_task", agent: "Planner", description: "Plan a post on vector databases", raw: blueprint),
            CrewTask(name: "final_writing_task", agent: "Writer", description: "Write the post", raw: post),
        ], finalOutput: post)
        var report = Evaluator.score(run: run, path: "\(caseID)@\(repeatIndex)", sources: [],
                                     options: ScoringOptions(targetWords: 40, topic: "vector databases"))
        if let grounding, let scorer = report.scorers.firstIndex(where: { $0.scorer == GroundingScorer.name }) {
            report.scorers[scorer].metrics.removeAll { $0.name == GroundingMetrics.primary.name }
            report.scorers[scorer].metrics.append(MetricValue(GroundingMetrics.primary.name, grounding))
        }
        if let extraFinding { report.findings.append(extraFinding) }
        return CaseResult(caseID: caseID, group: nil, repeatIndex: repeatIndex, status: .scored,
                          startedAt: Date(timeIntervalSince1970: 1_760_000_000), duration: 1, output: .file(name: "crew_output.json", contents: Data("{}".utf8)), run: run,
                          report: report)
    }

    /// Stores a run of `cases` and returns its scores.
    static func storedRun(_ cases: [CaseResult], in store: SQLiteRunStore, suite: String = "demo", label: String? = nil,
                          status: RunStatus = .completed, scorerVersion: String = Evaluator.scorerVersion) async throws -> RunScores {
        var new = StoreSamples.newRun(suite: suite, label: label, planned: cases.count)
        new.scorerVersion = scorerVersion
        let id = try await store.beginRun(new)
        for result in cases { try await store.recordCase(result, in: id) }
        try await store.finishRun(id, status: status, endedAt: Date(timeIntervalSince1970: 1_760_000_100))
        return try await store.loadScores(id)
    }

    static let newEntity = Finding(kind: "uncited-entity", severity: .error, scorer: "grounding",
                                   message: "“Zorblax” is not in the basis", match: "Zorblax",
                                   sentence: "Zorblax makes it easy.")
}

/// A test case with a run store and a goldens folder of its own, both gone after each test.
class GoldenStoreTestCase: XCTestCase {
    var folder: URL!
    var store: SQLiteRunStore!
    var root: URL { folder.appendingPathComponent("goldens") }

    override func setUp() async throws {
        folder = try StoreSamples.makeFolder()
        store = try await SQLiteRunStore.open(path: folder.appendingPathComponent("evalcrew.db").path)
    }

    override func tearDown() async throws {
        await store.close()
        StoreSamples.removeFolder(folder)
    }
}
