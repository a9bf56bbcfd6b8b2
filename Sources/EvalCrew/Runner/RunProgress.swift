/// Where a run stands, after each event.
public struct RunCounts: Sendable, Equatable {
    /// Invocations planned (cases × repeats).
    public var total: Int
    /// Invocations finished, whatever their status.
    public var finished = 0
    /// Of the finished, how many were scored.
    public var scored = 0
    public var running = 0

    public init(total: Int) {
        self.total = total
    }

    /// Finished but not scored.
    public var failed: Int { finished - scored }
}

/// What the runner reports while it runs (the CLI turns these into a progress line or log lines).
public enum RunEvent: Sendable {
    /// The run was created in the store.
    case began(runID: RunID, counts: RunCounts)
    /// A crew invocation was launched.
    case launched(job: CaseJob, counts: RunCounts)
    /// A case result was committed to the store.
    case finished(result: CaseDigest, counts: RunCounts)
    /// Ctrl-C: no more launches; running crews are being stopped.
    case stopping(counts: RunCounts)
}
