/// The store's schema: its version (`PRAGMA user_version`), the forward migrations that reach it,
/// and the checks made when a file is opened.
///
/// Conventions: dates are unix seconds (REAL); JSON columns hold the `Codable` values encoded by
/// `StoreJSON`; child rows reference their parent by integer key and go with it (`ON DELETE CASCADE`).
enum StoreSchema {
    /// `PRAGMA application_id` of evalcrew stores ("EVCR"): tells our files from other SQLite databases.
    static let applicationID: Int32 = 0x4556_4352

    /// The version this code writes and reads: the last migration's.
    static var currentVersion: Int { migrations.count }

    /// Migration `i` takes a store from version `i` to `i + 1`. Append, never edit: stores in the
    /// field are at every version.
    static let migrations: [String] = [version1, gateChecksMigration]

    /// Checks what kind of file this is, applies the pragmas and migrates it to the last version of
    /// `migrations` (tests pass a longer list to exercise a migration).
    static func prepare(_ connection: SQLiteConnection, migrations: [String] = migrations) throws(StoreError) {
        let path = connection.path
        let currentVersion = migrations.count
        var header = try readHeader(connection)
        if header.applicationID != applicationID && header.applicationID != 0 {
            throw .notAStore(path: path, reason: "it is a SQLite database of another program (application id \(header.applicationID))")
        }
        if header.version > currentVersion {
            throw .newerSchema(path: path, found: header.version, supported: currentVersion)
        }
        if header.applicationID == 0 && header.tables > 0 {
            throw .notAStore(path: path, reason: "it is a SQLite database of another program: it has \(header.tables) table(s) and no evalcrew schema")
        }
        // Checkpoints are `WALCheckpointer`'s; the WAL file is cut back to 64 MB when it restarts
        // after a huge output made it bigger.
        try connection.executeScript("""
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
            PRAGMA journal_size_limit = 67108864
            """)
        guard header.version < currentVersion else { return }
        try connection.transaction(writing: true) { () throws(StoreError) in
            // Another process may have migrated the file while this one waited for the write lock.
            header = try readHeader(connection)
            if header.version > currentVersion {
                throw .newerSchema(path: path, found: header.version, supported: currentVersion)
            }
            for version in header.version..<currentVersion {
                connection.operation = "migrate the store to schema version \(version + 1)"
                try connection.executeScript(migrations[version])
            }
            try connection.executeScript("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(currentVersion)")
        }
    }

    private struct Header {
        var applicationID: Int32
        var version: Int
        var tables: Int
    }

    /// The first read of the file: fails with `notAStore` for a file that is not SQLite.
    private static func readHeader(_ connection: SQLiteConnection) throws(StoreError) -> Header {
        let applicationID = try connection.statement("PRAGMA application_id").firstRow { Int32(truncatingIfNeeded: $0.int64(0)) } ?? 0
        let version = try connection.statement("PRAGMA user_version").firstRow { $0.int(0) } ?? 0
        let tables = try connection.statement("SELECT count(*) FROM sqlite_master WHERE type = 'table'").firstRow { $0.int(0) } ?? 0
        return Header(applicationID: applicationID, version: version, tables: tables)
    }

    /// Version 1: runs, their scorings, case results with outputs and traces, and per (case result,
    /// scoring) the parsed run, the report, its scores and findings.
    private static let version1 = """
        -- One row per run; `id` is what users type, `run_key` what child rows reference.
        CREATE TABLE runs (
            run_key INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE CHECK (length(id) = 12),
            suite_name TEXT NOT NULL,
            suite_path TEXT NOT NULL,
            suite_hash TEXT NOT NULL,
            label TEXT,
            metadata_json TEXT NOT NULL,
            evalcrew_version TEXT NOT NULL,
            started_at REAL NOT NULL,
            ended_at REAL,
            status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
            planned_results INTEGER NOT NULL,
            -- The writing process: a `running` run whose process is gone from this host is incomplete.
            writer_pid INTEGER NOT NULL,
            writer_host TEXT NOT NULL,
            -- The writer's start time (clock ticks since boot), so a reused pid is not taken for it.
            writer_start_ticks INTEGER
        );
        CREATE INDEX runs_by_start ON runs (started_at, run_key);
        CREATE INDEX runs_by_suite ON runs (suite_name, started_at, run_key);
        CREATE INDEX runs_by_label ON runs (label, started_at, run_key);

        -- Scoring 1 is the run's own (created with the run); `rescore` adds 2, 3, ...
        CREATE TABLE scorings (
            scoring_key INTEGER PRIMARY KEY,
            run_key INTEGER NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            number INTEGER NOT NULL CHECK (number >= 1),
            scorer_version TEXT NOT NULL,
            evalcrew_version TEXT NOT NULL,
            scored_at REAL NOT NULL,
            UNIQUE (run_key, number)
        );

        -- One row per case x repeat. `status` and `error` are those of the case's newest scoring
        -- (each scoring's own are in case_scorings), so listing runs counts without joins.
        -- Space freed by a deleted run is reused by later writes (no auto-vacuum: it slows every write).
        CREATE TABLE case_results (
            result_key INTEGER PRIMARY KEY,
            run_key INTEGER NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            case_id TEXT NOT NULL,
            group_name TEXT,
            repeat_index INTEGER NOT NULL CHECK (repeat_index >= 1),
            status TEXT NOT NULL,
            error TEXT,
            started_at REAL NOT NULL,
            duration REAL NOT NULL,
            exit_code INTEGER,
            stderr_tail TEXT NOT NULL,
            -- 'file' or 'folder'; NULL when the crew produced nothing.
            output_kind TEXT CHECK (output_kind IN ('file', 'folder')),
            UNIQUE (run_key, case_id, repeat_index)
        );

        -- The crew's complete output, stored once: one row per file (a single file, or every file of a folder).
        CREATE TABLE output_files (
            file_key INTEGER PRIMARY KEY,
            result_key INTEGER NOT NULL REFERENCES case_results (result_key) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            path TEXT NOT NULL,
            contents BLOB NOT NULL,
            UNIQUE (result_key, position)
        );

        -- The retrieval trace (JSON lines) as the crew wrote it.
        CREATE TABLE traces (
            result_key INTEGER PRIMARY KEY REFERENCES case_results (result_key) ON DELETE CASCADE,
            contents BLOB NOT NULL
        );

        -- A case result under one scoring (scorings.number of its run): its status, the parsed run
        -- (run_format NULL when the output did not read) and the report as JSON, which loading decodes
        -- instead of joining rows. The report's findings are not in the JSON: they are the findings rows.
        CREATE TABLE case_scorings (
            case_scoring_key INTEGER PRIMARY KEY,
            result_key INTEGER NOT NULL REFERENCES case_results (result_key) ON DELETE CASCADE,
            scoring_number INTEGER NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            report_json TEXT,
            run_format TEXT,
            -- NULL when it equals the last task's output (the usual case), which then stands for it.
            final_output TEXT,
            run_notes_json TEXT,
            retrievals_json TEXT,
            -- The crew's token usage (all NULL when the output carries none).
            total_tokens INTEGER,
            prompt_tokens INTEGER,
            cached_prompt_tokens INTEGER,
            completion_tokens INTEGER,
            reasoning_tokens INTEGER,
            cache_creation_tokens INTEGER,
            successful_requests INTEGER,
            UNIQUE (result_key, scoring_number)
        );

        -- The parsed tasks, in execution order, with their own usage where the output carries it.
        CREATE TABLE tasks (
            task_key INTEGER PRIMARY KEY,
            case_scoring_key INTEGER NOT NULL REFERENCES case_scorings (case_scoring_key) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            agent TEXT NOT NULL,
            description TEXT NOT NULL,
            expected_output TEXT NOT NULL,
            raw TEXT NOT NULL,
            total_tokens INTEGER,
            prompt_tokens INTEGER,
            cached_prompt_tokens INTEGER,
            completion_tokens INTEGER,
            reasoning_tokens INTEGER,
            cache_creation_tokens INTEGER,
            successful_requests INTEGER,
            UNIQUE (case_scoring_key, position)
        );

        -- One row per metric of a report (value NULL when not a number).
        CREATE TABLE scores (
            case_scoring_key INTEGER NOT NULL REFERENCES case_scorings (case_scoring_key) ON DELETE CASCADE,
            scorer TEXT NOT NULL,
            metric TEXT NOT NULL,
            value REAL,
            PRIMARY KEY (case_scoring_key, metric)
        ) WITHOUT ROWID;

        -- One row per finding of a report, in the report's order; locations are the post's
        -- 1-based line and column and 0-based code-point offsets (all four NULL for a finding about
        -- the whole run).
        CREATE TABLE findings (
            case_scoring_key INTEGER NOT NULL REFERENCES case_scorings (case_scoring_key) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            scorer TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            match_text TEXT,
            sentence TEXT,
            line INTEGER,
            column_number INTEGER,
            start_offset INTEGER,
            end_offset INTEGER,
            evidence_passage TEXT,
            evidence_source TEXT,
            evidence_score REAL,
            PRIMARY KEY (case_scoring_key, position)
        ) WITHOUT ROWID;
        """
}
