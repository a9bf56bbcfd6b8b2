/// A case result under one scoring, with its JSON already encoded: built before the store's queue
/// is entered, so concurrent writers encode in parallel and the queue only writes rows.
struct ScoringRows: Sendable {
    var status: CaseStatus
    var error: String?
    var run: CrewRun?
    var report: ScoreReport?
    var reportJSON: String?
    /// nil when the run has none, or when it equals the last task's output.
    var finalOutput: String?
    var notesJSON: String?
    var retrievalsJSON: String?

    init(status: CaseStatus, error: String?, run: CrewRun?, report: ScoreReport?, path: String, caseName: String) throws(StoreError) {
        self.status = status
        self.error = error
        self.run = run
        self.report = report
        reportJSON = try report.map { report throws(StoreError) in
            // The findings are stored as rows only (see `StoreSchema`), the rest of the report as JSON.
            var withoutFindings = report
            withoutFindings.findings = []
            return try StoreJSON.encode(withoutFindings, path: path, what: "the report of \(caseName)")
        }
        if let run {
            finalOutput = run.tasks.last.map(\.raw) == run.finalOutput ? nil : run.finalOutput
            notesJSON = try StoreJSON.encode(run.notes, path: path, what: "the notes of \(caseName)")
            retrievalsJSON = try StoreJSON.encode(run.retrievals, path: path, what: "the retrievals of \(caseName)")
        }
    }
}

extension CaseResult {
    /// "case intro #2", for messages.
    var displayName: String { "case \(caseID) #\(repeatIndex)" }
}

extension RescoredCase {
    var displayName: String { "case \(caseID) #\(repeatIndex)" }
}
