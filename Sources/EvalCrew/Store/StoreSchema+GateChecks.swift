extension StoreSchema {
    /// Gate checks: each time a suite's gates are applied to a run (`gate`, `run --gate`), its
    /// outcome, kept with the run; `last-passed` reads the latest check of each run.
    static let gateChecksMigration = """
        -- One row per gate check of a run; `passed` is 1 when every gate passed. `results_json` holds
        -- the per-gate results (a `StoredGateCheck`). Checks that could not be evaluated are not stored.
        CREATE TABLE gate_checks (
            check_key INTEGER PRIMARY KEY,
            run_key INTEGER NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            checked_at REAL NOT NULL,
            -- The baseline's run id, `goldens`, or NULL when no relative gate compared against one.
            baseline TEXT,
            passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
            results_json TEXT NOT NULL
        );
        CREATE INDEX gate_checks_by_run ON gate_checks (run_key, checked_at, check_key);
        """
}
