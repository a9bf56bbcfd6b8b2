import Foundation

/// The store's writes, each one transaction. Runs on the store's queue.
enum StoreWriter {
    static func beginRun(_ run: NewRun, metadataJSON: String, writer: WriterProcess,
                         on db: SQLiteConnection) throws(StoreError) -> RunID {
        try db.transaction(writing: true) { () throws(StoreError) -> RunID in
            var id = newRunID()
            while try runKey(id, on: db) != nil { id = newRunID() }
            try db.statement("""
                INSERT INTO runs (id, suite_name, suite_path, suite_hash, label, metadata_json, evalcrew_version,
                                  started_at, status, planned_results, writer_pid, writer_host, writer_start_ticks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
                """).execute(id, run.suiteName, run.suitePath, run.suiteHash, run.label, metadataJSON, run.evalcrewVersion,
                             run.startedAt, run.plannedResults, writer.pid, writer.host, writer.startTicks)
            try insertScoring(runKey: db.lastInsertedRowID, number: 1, scorerVersion: run.scorerVersion,
                              evalcrewVersion: run.evalcrewVersion, scoredAt: run.startedAt, on: db)
            return id
        }
    }

    static func recordCase(_ result: CaseResult, rows: ScoringRows, in id: RunID, on db: SQLiteConnection) throws(StoreError) {
        try db.transaction(writing: true) { () throws(StoreError) in
            guard let runKey = try runKey(id, on: db) else { throw .noSuchRun(id) }
            if try resultKey(runKey: runKey, caseID: result.caseID, repeatIndex: result.repeatIndex, on: db) != nil {
                throw .database(path: db.path, operation: db.operation, message: "run \(id) already holds \(result.displayName)")
            }
            try db.statement("""
                INSERT INTO case_results (run_key, case_id, group_name, repeat_index, status, error, started_at, duration,
                                          exit_code, stderr_tail, output_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(runKey, result.caseID, result.group, result.repeatIndex, result.status.rawValue, result.error,
                             result.startedAt, result.duration, result.exitCode, result.stderrTail, result.output?.kind.rawValue)
            let resultKey = db.lastInsertedRowID
            for (position, file) in (result.output?.files ?? []).enumerated() {
                try db.statement("INSERT INTO output_files (result_key, position, path, contents) VALUES (?, ?, ?, ?)")
                    .execute(resultKey, position, file.path, file.contents)
            }
            if let trace = result.trace {
                try db.statement("INSERT INTO traces (result_key, contents) VALUES (?, ?)").execute(resultKey, trace)
            }
            try insertCaseScoring(rows, resultKey: resultKey, number: 1, on: db)
        }
    }

    static func addScoring(_ scoring: NewScoring, rows: [ScoringRows], to id: RunID, on db: SQLiteConnection) throws(StoreError) {
        try db.transaction(writing: true) { () throws(StoreError) in
            guard let runKey = try runKey(id, on: db) else { throw .noSuchRun(id) }
            let number = try db.statement("SELECT coalesce(max(number), 0) + 1 FROM scorings WHERE run_key = ?")
                .firstRow(runKey, read: { $0.int(0) }) ?? 1
            try insertScoring(runKey: runKey, number: number, scorerVersion: scoring.scorerVersion,
                              evalcrewVersion: scoring.evalcrewVersion, scoredAt: scoring.scoredAt, on: db)
            for (result, rows) in zip(scoring.results, rows) {
                guard let resultKey = try resultKey(runKey: runKey, caseID: result.caseID, repeatIndex: result.repeatIndex, on: db) else {
                    throw .database(path: db.path, operation: db.operation, message: "run \(id) holds no \(result.displayName)")
                }
                try insertCaseScoring(rows, resultKey: resultKey, number: number, on: db)
                try db.statement("UPDATE case_results SET status = ?, error = ? WHERE result_key = ?")
                    .execute(rows.status.rawValue, rows.error, resultKey)
            }
        }
    }

    static func finishRun(_ id: RunID, status: RunStatus, endedAt: Date, on db: SQLiteConnection) throws(StoreError) {
        guard status == .completed || status == .interrupted else {
            throw .database(path: db.path, operation: db.operation, message: "a run finishes as completed or interrupted, not \(status.rawValue)")
        }
        try db.transaction(writing: true) { () throws(StoreError) in
            try db.statement("UPDATE runs SET status = ?, ended_at = ? WHERE id = ?").execute(status.rawValue, endedAt, id)
            if db.changes == 0 { throw .noSuchRun(id) }
        }
    }

    static func deleteRun(_ id: RunID, on db: SQLiteConnection) throws(StoreError) {
        try db.transaction(writing: true) { () throws(StoreError) in
            try db.statement("DELETE FROM runs WHERE id = ?").execute(id)
            if db.changes == 0 { throw .noSuchRun(id) }
        }
    }

    static func runKey(_ id: RunID, on db: SQLiteConnection) throws(StoreError) -> Int64? {
        try db.statement("SELECT run_key FROM runs WHERE id = ?").firstRow(id) { $0.int64(0) }
    }

    private static func resultKey(runKey: Int64, caseID: String, repeatIndex: Int, on db: SQLiteConnection) throws(StoreError) -> Int64? {
        try db.statement("SELECT result_key FROM case_results WHERE run_key = ? AND case_id = ? AND repeat_index = ?")
            .firstRow(runKey, caseID, repeatIndex) { $0.int64(0) }
    }

    private static func insertScoring(runKey: Int64, number: Int, scorerVersion: String, evalcrewVersion: String,
                                      scoredAt: Date, on db: SQLiteConnection) throws(StoreError) {
        try db.statement("""
            INSERT INTO scorings (run_key, number, scorer_version, evalcrew_version, scored_at) VALUES (?, ?, ?, ?, ?)
            """).execute(runKey, number, scorerVersion, evalcrewVersion, scoredAt)
    }

    private static func insertCaseScoring(_ rows: ScoringRows, resultKey: Int64, number: Int, on db: SQLiteConnection) throws(StoreError) {
        let usage = rows.run?.usage
        try db.statement("""
            INSERT INTO case_scorings (result_key, scoring_number, status, error, report_json, run_format, final_output,
                                       run_notes_json, retrievals_json, total_tokens, prompt_tokens, cached_prompt_tokens,
                                       completion_tokens, reasoning_tokens, cache_creation_tokens, successful_requests)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(resultKey, number, rows.status.rawValue, rows.error, rows.reportJSON,
                         rows.run?.format.rawValue, rows.finalOutput, rows.notesJSON, rows.retrievalsJSON,
                         usage?.totalTokens, usage?.promptTokens, usage?.cachedPromptTokens, usage?.completionTokens,
                         usage?.reasoningTokens, usage?.cacheCreationTokens, usage?.successfulRequests)
        let key = db.lastInsertedRowID
        for (position, task) in (rows.run?.tasks ?? []).enumerated() {
            let usage = task.usage
            try db.statement("""
                INSERT INTO tasks (case_scoring_key, position, name, agent, description, expected_output, raw, total_tokens,
                                   prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens,
                                   cache_creation_tokens, successful_requests)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(key, position, task.name, task.agent, task.description, task.expectedOutput, task.raw,
                             usage?.totalTokens, usage?.promptTokens, usage?.cachedPromptTokens, usage?.completionTokens,
                             usage?.reasoningTokens, usage?.cacheCreationTokens, usage?.successfulRequests)
        }
        guard let report = rows.report else { return }
        for scorer in report.scorers {
            for metric in scorer.metrics {
                // NaN binds as NULL: SQLite has no NaN.
                try db.statement("INSERT INTO scores (case_scoring_key, scorer, metric, value) VALUES (?, ?, ?, ?)")
                    .execute(key, scorer.scorer, metric.name, metric.value.isNaN ? nil : metric.value)
            }
        }
        for (position, finding) in report.findings.enumerated() {
            let location = finding.location
            try db.statement("""
                INSERT INTO findings (case_scoring_key, position, scorer, kind, severity, message, match_text, sentence, line,
                                      column_number, start_offset, end_offset, evidence_passage, evidence_source, evidence_score)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(key, position, finding.scorer, finding.kind, finding.severity.rawValue, finding.message,
                             finding.match, finding.sentence, location?.line, location?.column, location?.offset,
                             location?.endOffset, finding.evidence?.passage, finding.evidence?.source, finding.evidence?.score)
        }
    }

    /// 12 random lowercase hex digits.
    private static func newRunID() -> RunID {
        let value = UInt64.random(in: 0..<(1 << 48))
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }
}
