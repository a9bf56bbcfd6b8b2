import Foundation

/// The store's reads. Runs on the store's queue and returns rows; JSON is decoded off the queue.
enum StoreReader {
    /// Newest first: by start time, then by the order runs were begun.
    private static let newestFirst = "ORDER BY started_at DESC, run_key DESC"

    /// Counts come from each run's case_results (through its (run_key, case_id, repeat) index); the
    /// scorer version is the newest scoring's.
    static let summaryColumns = """
        id, suite_name, label, status, started_at, ended_at, planned_results, writer_pid, writer_host, writer_start_ticks,
        (SELECT count(*) FROM case_results c WHERE c.run_key = runs.run_key),
        (SELECT count(*) FROM case_results c WHERE c.run_key = runs.run_key AND c.status = 'scored'),
        (SELECT scorer_version FROM scorings s WHERE s.run_key = runs.run_key ORDER BY number DESC LIMIT 1)
        """

    static func listRuns(suite: String?, on db: SQLiteConnection) throws(StoreError) -> [RunSummary] {
        let liveness = Liveness()
        if let suite {
            return try db.statement("SELECT \(summaryColumns) FROM runs WHERE suite_name = ? \(newestFirst)")
                .rows(suite) { row throws(StoreError) in try summary(row, liveness: liveness, on: db) }
        }
        return try db.statement("SELECT \(summaryColumns) FROM runs \(newestFirst)")
            .rows { row throws(StoreError) in try summary(row, liveness: liveness, on: db) }
    }

    static func resolve(_ reference: RunReference, suite: String?, on db: SQLiteConnection) throws(StoreError) -> RunID {
        let suiteFilter = suite == nil ? "" : "AND suite_name = ?"
        let suiteValue: [any SQLValueConvertible] = suite.map { [$0] } ?? []
        let notFound = StoreError.noSuchRun(reference.description + (suite.map { " in suite \($0)" } ?? ""))
        switch reference {
        case .id(let prefix):
            // Ids are hex, so every id starting with the prefix sorts before prefix + "g".
            let matches = try db.statement("SELECT id FROM runs WHERE id >= ? AND id < ? \(suiteFilter) ORDER BY id LIMIT 11")
                .rows(bindings: [prefix, prefix + "g"] + suiteValue) { $0.text(0) }
            guard let first = matches.first else { throw notFound }
            guard matches.count == 1 else { throw .ambiguousReference(prefix, matches: Array(matches.prefix(10))) }
            return first
        case .label(let name):
            let sql = "SELECT id FROM runs WHERE label = ? \(suiteFilter) \(newestFirst) LIMIT 1"
            guard let id = try db.statement(sql).firstRow(bindings: [name] + suiteValue, read: { $0.text(0) }) else { throw notFound }
            return id
        case .latest(let n):
            let sql = "SELECT id FROM runs WHERE 1 \(suiteFilter) \(newestFirst) LIMIT 1 OFFSET ?"
            guard let id = try db.statement(sql).firstRow(bindings: suiteValue + [n], read: { $0.text(0) }) else { throw notFound }
            return id
        case .lastPassed(let before):
            return try StoreGateChecks.lastPassed(before: before, suite: suite, on: db)
        }
    }

    /// A run's rows: everything `loadRun` needs, JSON still encoded.
    struct RunRows: Sendable {
        var summary: RunSummary
        var suitePath: String
        var suiteHash: String
        var metadataJSON: String
        var evalcrewVersion: String
        var scorings: [ScoringSummary]
        var cases: [CaseRows]
    }

    /// One case result under its newest scoring.
    struct CaseRows: Sendable {
        var caseID: String
        var group: String?
        var repeatIndex: Int
        var status: String
        var error: String?
        var startedAt: Date
        var duration: Double
        var exitCode: Int32?
        var stderrTail: String
        var outputKind: String?
        var outputFiles: [CrewArtifactFile]
        var trace: Data?
        var reportJSON: String?
        var runFormat: String?
        var finalOutput: String?
        var notesJSON: String?
        var retrievalsJSON: String?
        var usage: TokenUsage?
        var tasks: [CrewTask]
        var findings: [Finding]
    }

    /// A run's rows; only one case result's when `only` names it.
    static func loadRun(_ id: RunID, only: (caseID: String, repeatIndex: Int)? = nil,
                        on db: SQLiteConnection) throws(StoreError) -> RunRows {
        try db.transaction(writing: false) { () throws(StoreError) -> RunRows in
            let liveness = Liveness()
            guard let head = try db.statement("""
                SELECT \(summaryColumns), run_key, suite_path, suite_hash, metadata_json, evalcrew_version FROM runs WHERE id = ?
                """).firstRow(id, read: { row throws(StoreError) in
                    (try summary(row, liveness: liveness, on: db), row.int64(13), row.text(14), row.text(15), row.text(16), row.text(17))
                }) else { throw .noSuchRun(id) }
            let scorings = try db.statement("""
                SELECT number, scorer_version, evalcrew_version, scored_at FROM scorings WHERE run_key = ? ORDER BY number
                """).rows(head.1) {
                    ScoringSummary(number: $0.int(0), scorerVersion: $0.text(1), evalcrewVersion: $0.text(2), scoredAt: $0.date(3))
                }
            // Each case with its newest scoring: a case left out of a later scoring keeps its latest one.
            var cases = try db.statement("""
                SELECT c.result_key, c.case_id, c.group_name, c.repeat_index, cs.status, cs.error, c.started_at, c.duration,
                       c.exit_code, c.stderr_tail, c.output_kind, cs.case_scoring_key, cs.report_json, cs.run_format,
                       cs.final_output, cs.run_notes_json, cs.retrievals_json, cs.total_tokens, cs.prompt_tokens,
                       cs.cached_prompt_tokens, cs.completion_tokens, cs.reasoning_tokens, cs.cache_creation_tokens,
                       cs.successful_requests
                FROM case_results c
                JOIN case_scorings cs ON cs.result_key = c.result_key
                 AND cs.scoring_number = (SELECT max(scoring_number) FROM case_scorings m WHERE m.result_key = c.result_key)
                WHERE c.run_key = ? \(only == nil ? "" : "AND c.case_id = ? AND c.repeat_index = ?")
                ORDER BY c.result_key
                """).rows(bindings: [head.1] + (only.map { [$0.caseID, $0.repeatIndex] } ?? [])) { row in
                    (resultKey: row.int64(0), caseScoringKey: row.int64(11), rows: CaseRows(
                        caseID: row.text(1), group: row.optionalText(2), repeatIndex: row.int(3), status: row.text(4),
                        error: row.optionalText(5), startedAt: row.date(6), duration: row.double(7),
                        exitCode: row.optionalInt(8).map { Int32(truncatingIfNeeded: $0) }, stderrTail: row.text(9),
                        outputKind: row.optionalText(10), outputFiles: [], trace: nil, reportJSON: row.optionalText(12),
                        runFormat: row.optionalText(13), finalOutput: row.optionalText(14), notesJSON: row.optionalText(15),
                        retrievalsJSON: row.optionalText(16), usage: usage(row, from: 17), tasks: [], findings: []))
                }
            for index in cases.indices {
                let (resultKey, caseScoringKey) = (cases[index].resultKey, cases[index].caseScoringKey)
                cases[index].rows.outputFiles = try db.statement("""
                    SELECT path, contents FROM output_files WHERE result_key = ? ORDER BY position
                    """).rows(resultKey) { CrewArtifactFile(path: $0.text(0), contents: $0.blob(1)) }
                cases[index].rows.trace = try db.statement("SELECT contents FROM traces WHERE result_key = ?")
                    .firstRow(resultKey) { $0.blob(0) }
                cases[index].rows.tasks = try db.statement("""
                    SELECT name, agent, description, expected_output, raw, total_tokens, prompt_tokens, cached_prompt_tokens,
                           completion_tokens, reasoning_tokens, cache_creation_tokens, successful_requests
                    FROM tasks WHERE case_scoring_key = ? ORDER BY position
                    """).rows(caseScoringKey) {
                        CrewTask(name: $0.text(0), agent: $0.text(1), description: $0.text(2), expectedOutput: $0.text(3),
                                 raw: $0.text(4), usage: usage($0, from: 5))
                    }
                if cases[index].rows.reportJSON != nil {
                    cases[index].rows.findings = try db.statement("""
                        SELECT kind, severity, scorer, message, line, column_number, start_offset, end_offset, match_text, sentence,
                               evidence_passage, evidence_source, evidence_score
                        FROM findings WHERE case_scoring_key = ? ORDER BY position
                        """).rows(caseScoringKey) { row throws(StoreError) in try finding(row, on: db) }
                }
            }
            return RunRows(summary: head.0, suitePath: head.2, suiteHash: head.3, metadataJSON: head.4, evalcrewVersion: head.5,
                           scorings: scorings, cases: cases.map(\.rows))
        }
    }

    /// Reads the columns of `summaryColumns`, starting at 0.
    static func summary(_ row: SQLiteRow, liveness: Liveness, on db: SQLiteConnection) throws(StoreError) -> RunSummary {
        let stored = row.text(3)
        guard var status = RunStatus(rawValue: stored) else {
            throw .notAStore(path: db.path, reason: "run \(row.text(0)) has an unknown status '\(stored)'")
        }
        if status == .running {
            let writer = WriterProcess(pid: Int32(truncatingIfNeeded: row.int64(7)), host: row.text(8),
                                       startTicks: row.isNull(9) ? nil : row.int64(9))
            if liveness.isGone(writer) { status = .incomplete }
        }
        return RunSummary(id: row.text(0), suiteName: row.text(1), label: row.optionalText(2), status: status,
                          startedAt: row.date(4), endedAt: row.optionalDate(5), results: row.int(10), scoredResults: row.int(11),
                          plannedResults: row.int(6), scorerVersion: row.text(12))
    }

    static func finding(_ row: SQLiteRow, on db: SQLiteConnection) throws(StoreError) -> Finding {
        let severityName = row.text(1)
        guard let severity = Finding.Severity(rawValue: severityName) else {
            throw .notAStore(path: db.path, reason: "a finding has an unknown severity '\(severityName)'")
        }
        let location = row.isNull(4) ? nil
            : TextLocation(line: row.int(4), column: row.int(5), offset: row.int(6), endOffset: row.int(7))
        let evidence = row.isNull(10) ? nil
            : Evidence(passage: row.text(10), source: row.text(11), score: row.optionalDouble(12))
        return Finding(kind: row.text(0), severity: severity, scorer: row.text(2), message: row.text(3), location: location,
                       match: row.optionalText(8), sentence: row.optionalText(9), evidence: evidence)
    }

    /// Token usage from seven columns starting at `first`; nil when the first is NULL.
    private static func usage(_ row: SQLiteRow, from first: Int32) -> TokenUsage? {
        guard !row.isNull(first) else { return nil }
        return TokenUsage(totalTokens: row.int(first), promptTokens: row.int(first + 1), cachedPromptTokens: row.int(first + 2),
                          completionTokens: row.int(first + 3), reasoningTokens: row.optionalInt(first + 4),
                          cacheCreationTokens: row.optionalInt(first + 5), successfulRequests: row.int(first + 6))
    }

    /// Checks each writer process once per read.
    final class Liveness {
        private var gone: [WriterProcess: Bool] = [:]

        func isGone(_ writer: WriterProcess) -> Bool {
            if let known = gone[writer] { return known }
            let answer = writer.isGone
            gone[writer] = answer
            return answer
        }
    }
}
