import EvalCrew
import Foundation

/// Shows a run's progress on stderr: a live line on a terminal, one line per finished case otherwise.
///
/// The runner reports events one at a time from its own task, but the closure it calls must be
/// `Sendable`; the lock makes that true.
final class RunProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let live: Bool
    private let style: Style
    private let started = Date()
    private var lastLine = ""

    init() {
        live = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        style = Style(enabled: live && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    func handle(_ event: RunEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .began(runID, counts):
            write("run \(runID): \(counts.total) crew invocation\(counts.total == 1 ? "" : "s")\n")
        case let .launched(_, counts):
            if live { redraw(counts) }
        case let .finished(result, counts):
            let line = finishedLine(result, counts: counts)
            if live {
                if result.status != .scored { write("\r\u{1B}[K" + line + "\n") }
                redraw(counts)
            } else {
                write(line + "\n")
            }
        case let .stopping(counts):
            write((live ? "\r\u{1B}[K" : "") + "stopping: no more launches, stopping \(counts.running) running crew\(counts.running == 1 ? "" : "s")…\n")
        }
    }

    /// Clears the live line before the summary is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if live && !lastLine.isEmpty { write("\r\u{1B}[K") }
    }

    private func finishedLine(_ result: CaseDigest, counts: RunCounts) -> String {
        let width = String(counts.total).count
        let position = "[\(String(repeating: " ", count: width - String(counts.finished).count))\(counts.finished)/\(counts.total)]"
        let name = "\(result.caseID)@\(result.repeatIndex)"
        let time = MetricFormatting.duration(result.duration)
        guard result.status == .scored else {
            let status = style.red(result.status.rawValue)
            return "\(position) \(name) \(status) after \(time): \(result.error?.split(separator: "\n").first.map(String.init) ?? "no detail")"
        }
        let metrics = result.primaryMetrics.map { "\($0.scorer) \(MetricFormatting.format($0.value, metric: $0.metric))" }
        return "\(position) \(name) scored in \(time) · " + metrics.joined(separator: " · ")
    }

    private func redraw(_ counts: RunCounts) {
        var line = "done \(counts.finished)/\(counts.total) · failed \(counts.failed) · running \(counts.running)"
        if counts.finished > 0 && counts.finished < counts.total {
            let elapsed = Date().timeIntervalSince(started)
            let remaining = elapsed / Double(counts.finished) * Double(counts.total - counts.finished)
            line += " · ETA \(MetricFormatting.duration(remaining))"
        }
        lastLine = line
        write("\r\u{1B}[K" + line)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
