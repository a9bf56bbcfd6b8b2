import Foundation

/// Turns a run's rows into a `StoredRun`, decoding the JSON columns (off the store's queue).
struct StoredRunDecoder {
    var path: String

    func decode(_ rows: StoreReader.RunRows) throws(StoreError) -> StoredRun {
        let metadata = try StoreJSON.decode([String: String].self, from: rows.metadataJSON, path: path,
                                            what: "the metadata of run \(rows.summary.id)")
        var cases: [CaseResult] = []
        cases.reserveCapacity(rows.cases.count)
        for caseRows in rows.cases {
            cases.append(try decode(caseRows, run: rows.summary.id))
        }
        return StoredRun(summary: rows.summary, suitePath: rows.suitePath, suiteHash: rows.suiteHash, metadata: metadata,
                         evalcrewVersion: rows.evalcrewVersion, scorings: rows.scorings, cases: cases)
    }

    private func decode(_ rows: StoreReader.CaseRows, run id: RunID) throws(StoreError) -> CaseResult {
        let name = "case \(rows.caseID) #\(rows.repeatIndex) of run \(id)"
        guard let status = CaseStatus(rawValue: rows.status) else {
            throw .notAStore(path: path, reason: "\(name) has an unknown status '\(rows.status)'")
        }
        var output: CrewArtifact?
        if let kindName = rows.outputKind {
            guard let kind = CrewArtifact.Kind(rawValue: kindName) else {
                throw .notAStore(path: path, reason: "\(name) has an unknown output kind '\(kindName)'")
            }
            output = CrewArtifact(kind: kind, files: rows.outputFiles)
        }
        let report = try rows.reportJSON.map { json throws(StoreError) in
            var report = try StoreJSON.decode(ScoreReport.self, from: json, path: path, what: "the report of \(name)")
            report.findings = rows.findings
            return report
        }
        return CaseResult(caseID: rows.caseID, group: rows.group, repeatIndex: rows.repeatIndex, status: status,
                          startedAt: rows.startedAt, duration: rows.duration, exitCode: rows.exitCode,
                          stderrTail: rows.stderrTail, error: rows.error, output: output, trace: rows.trace,
                          run: try crewRun(rows, name: name), report: report)
    }

    private func crewRun(_ rows: StoreReader.CaseRows, name: String) throws(StoreError) -> CrewRun? {
        guard let formatName = rows.runFormat else { return nil }
        guard let format = InputFormat(rawValue: formatName) else {
            throw .notAStore(path: path, reason: "\(name) has an unknown input format '\(formatName)'")
        }
        let notes = try rows.notesJSON.map { json throws(StoreError) in
            try StoreJSON.decode([String].self, from: json, path: path, what: "the notes of \(name)")
        } ?? []
        let retrievals = try rows.retrievalsJSON.map { json throws(StoreError) in
            try StoreJSON.decode([Retrieval].self, from: json, path: path, what: "the retrievals of \(name)")
        } ?? []
        // A NULL final output stands for the last task's output (see `ScoringRows`).
        let finalOutput = rows.finalOutput ?? rows.tasks.last?.raw ?? ""
        return CrewRun(format: format, tasks: rows.tasks, finalOutput: finalOutput, usage: rows.usage,
                       retrievals: retrievals, notes: notes)
    }
}
