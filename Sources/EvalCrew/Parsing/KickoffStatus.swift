import Foundation

/// A deployed crew's answer to `GET /status/{kickoff_id}`, in either shape the API is seen with:
/// `{"status": "running"|"completed"|"error", "result": {"output": …, "tasks": […]}}` (the
/// published spec) or `{"state": "PENDING"|…|"SUCCESS"|"FAILURE", "result": "<raw>", "last_step": {…}}`
/// (what real clients receive).
struct KickoffStatus {
    enum Phase: Equatable {
        /// Queued or still working: poll again.
        case running
        case completed
        case failed
    }

    var phase: Phase
    /// The state as the server wrote it (`running`, `SUCCESS`, …), for messages.
    var reported: String
    /// `result`: an object with `output` and `tasks`, or the final raw text.
    var result: PyValue?
    /// The whole status object.
    var value: PyValue

    /// The status in a parsed JSON body, or nil when it has neither shape.
    init?(_ value: PyValue) {
        guard case .dict = value, let reported = (value["status"] ?? value["state"])?.string else { return nil }
        let phase = Self.phase(of: reported)
        // A dict with a `status` string is common; without any other mark of a kickoff status,
        // only a state name the API uses makes it one.
        guard phase != nil || value["result"] != nil || value["last_step"] != nil || value["kickoff_id"] != nil else {
            return nil
        }
        self.phase = phase ?? .running
        self.reported = reported
        self.result = value["result"]
        self.value = value
    }

    /// Both shapes' state names, and the synonyms other deployments use; nil for one not known.
    private static func phase(of reported: String) -> Phase? {
        switch reported.lowercased() {
        case "completed", "complete", "success", "succeeded", "finished", "done": return .completed
        case "error", "failed", "failure", "revoked", "cancelled", "canceled", "aborted": return .failed
        case "running", "pending", "started", "queued", "received", "retry", "in_progress", "processing": return .running
        default: return nil
        }
    }

    /// The post: `result.output` (or `result.raw`), or `result` itself when it is a string.
    var output: String? {
        if let text = result?.string { return text }
        return (result?["output"] ?? result?["raw"])?.string
    }

    /// `result.tasks` (or `result.tasks_output`), when the result is an object that lists them.
    var tasks: [PyValue]? {
        (result?["tasks"] ?? result?["tasks_output"])?.items
    }

    /// What the server said went wrong, for a failed status: an error field, or the result text
    /// (a failed task's exception).
    var failureMessage: String? {
        let candidates: [PyValue?] = [value["error"], value["message"], result?["error"], result?["message"], result]
        for candidate in candidates {
            if let text = candidate?.string?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        }
        return nil
    }
}
