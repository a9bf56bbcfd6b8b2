import Foundation

/// Reads a run's scores and findings under its newest scoring: three queries for the whole run,
/// whatever its size, and no outputs. Findings come without their evidence passages (the largest
/// text of a finding; comparisons never read them; `loadRun` and `loadCase` have them).
enum StoreScoresReader {
    /// A run's score rows, JSON still encoded.
    struct Rows: Sendable {
        var summary: RunSummary
        var suitePath: String
        var suiteHash: String
        var metadataJSON: String
        var results: [ScoredResult]
    }

    /// The case scorings in use: each case result's newest.
    private static let newestScorings = """
        SELECT cs.case_scoring_key AS key, c.result_key AS result_key
        FROM case_results c
        JOIN case_scorings cs ON cs.result_key = c.result_key
         AND cs.scoring_number = (SELECT max(scoring_number) FROM case_scorings m WHERE m.result_key = c.result_key)
        WHERE c.run_key = ?
        """

    static func load(_ id: RunID, on db: SQLiteConnection) throws(StoreError) -> Rows {
        try db.transaction(writing: false) { () throws(StoreError) -> Rows in
            let liveness = StoreReader.Liveness()
            guard let head = try db.statement("""
                SELECT \(StoreReader.summaryColumns), run_key, suite_path, suite_hash, metadata_json FROM runs WHERE id = ?
                """).firstRow(id, read: { row throws(StoreError) in
                    (try StoreReader.summary(row, liveness: liveness, on: db), row.int64(13), row.text(14), row.text(15), row.text(16))
                }) else { throw .noSuchRun(id) }
            var positions: [Int64: Int] = [:]
            var results: [ScoredResult] = []
            let cases = try db.statement("""
                SELECT cs.case_scoring_key, c.case_id, c.group_name, c.repeat_index, cs.status, cs.error
                FROM case_results c
                JOIN case_scorings cs ON cs.result_key = c.result_key
                 AND cs.scoring_number = (SELECT max(scoring_number) FROM case_scorings m WHERE m.result_key = c.result_key)
                WHERE c.run_key = ?
                ORDER BY c.result_key
                """).rows(head.1) { row throws(StoreError) in
                    let statusName = row.text(4)
                    guard let status = CaseStatus(rawValue: statusName) else {
                        throw .notAStore(path: db.path, reason: "case \(row.text(1)) of run \(id) has an unknown status '\(statusName)'")
                    }
                    return (row.int64(0), ScoredResult(caseID: row.text(1), group: row.optionalText(2), repeatIndex: row.int(3),
                                                       status: status, error: row.optionalText(5), metrics: [:], findings: []))
                }
            results.reserveCapacity(cases.count)
            for (key, result) in cases {
                positions[key] = results.count
                results.append(result)
            }
            var metricNames = TextInterner()
            for index in results.indices { results[index].metrics.reserveCapacity(32) }
            // Rows come grouped by case scoring (the join walks each one's primary key): look a key up once per group.
            var current: (key: Int64, position: Int?) = (-1, nil)
            func position(_ key: Int64) -> Int? {
                if key != current.key { current = (key, positions[key]) }
                return current.position
            }
            try db.statement("""
                SELECT s.case_scoring_key, s.metric, s.value FROM (\(newestScorings)) n
                JOIN scores s ON s.case_scoring_key = n.key WHERE s.value IS NOT NULL
                """).forEachRow(head.1) { row in
                    if let position = position(row.int64(0)) { results[position].metrics[metricNames.text(row, 1)] = row.double(2) }
                }
            try db.statement("""
                SELECT f.kind, f.severity, f.scorer, f.message, f.line, f.column_number, f.start_offset, f.end_offset,
                       f.match_text, f.sentence, NULL, NULL, NULL, f.case_scoring_key
                FROM (\(newestScorings)) n JOIN findings f ON f.case_scoring_key = n.key
                """).forEachRow(head.1) { row throws(StoreError) in
                    // In each case scoring's primary-key order, that is by position: no sort needed.
                    if let position = position(row.int64(13)) {
                        results[position].findings.append(try StoreReader.finding(row, on: db))
                    }
                }
            return Rows(summary: head.0, suitePath: head.2, suiteHash: head.3, metadataJSON: head.4, results: results)
        }
    }
}
