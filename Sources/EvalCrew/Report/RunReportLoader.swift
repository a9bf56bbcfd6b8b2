/// Gathers a report's input from a run store: the run, its baseline and their comparison, and
/// the suite's recent runs for the trend.
public enum RunReportLoader {
    /// Runs shown in the trend by default (the reported run and the ones before it).
    public static let defaultTrendRuns = 10

    /// Loads run `id`, compared with `baseline` when given (the baseline as A), and the trend: up
    /// to `trendRuns` runs of the same suite that started no later than it, oldest first. A caller
    /// that has already compared the two runs passes its `comparison`, which is used as it is.
    public static func load(_ id: RunID, baseline: RunID? = nil, store: any RunStore,
                            settings: ComparisonSettings = ComparisonSettings(), comparison made: RunComparison? = nil,
                            gates: GateReport? = nil, trendRuns: Int = defaultTrendRuns) async throws(StoreError) -> RunReportInput {
        let run = try await store.loadRun(id)
        var baselineRun: StoredRun?
        var comparison: RunComparison?
        if let baseline {
            let loaded = try await store.loadRun(baseline)
            baselineRun = loaded
            comparison = made ?? RunComparer.compare(RunScores(loaded), RunScores(run), settings: settings)
        }
        var trend: [RunScores] = []
        if trendRuns > 0 {
            let earlier = try await store.listRuns(suite: run.summary.suiteName)
                .filter { $0.id == run.summary.id || $0.startedAt <= run.summary.startedAt }
                .prefix(trendRuns)
            for summary in earlier.reversed() {
                trend.append(summary.id == run.summary.id ? RunScores(run) : try await store.loadScores(summary.id))
            }
        }
        return RunReportInput(run: run, baseline: baselineRun, comparison: comparison, gates: gates, trend: trend)
    }
}
