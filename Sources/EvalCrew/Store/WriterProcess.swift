import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process that writes a run, recorded with it so that a `running` run whose process is gone
/// (killed, crashed) is reported as incomplete instead of running forever.
struct WriterProcess: Sendable, Hashable {
    var pid: Int32
    var host: String
    /// When the process started (clock ticks since boot, Linux): a reused pid is not taken for the writer.
    var startTicks: Int64?

    /// This process.
    static let current: WriterProcess = {
        let pid = getpid()
        return WriterProcess(pid: pid, host: hostName(), startTicks: startTicks(of: pid))
    }()

    /// Whether the process is known to be gone. Only a process on this host can be checked; one on
    /// another host is never reported gone.
    var isGone: Bool {
        guard host == Self.current.host else { return false }
        if pid == Self.current.pid { return startTicks != Self.current.startTicks }
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        guard let stat = Self.stat(of: pid) else { return false }
        // A zombie has exited; only its parent has not reaped it yet.
        if stat.state == "Z" || stat.state == "X" { return true }
        if let startTicks, let now = stat.startTicks, now != startTicks { return true }
        return false
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func startTicks(of pid: Int32) -> Int64? { stat(of: pid)?.startTicks }

    /// The state and start time from `/proc/PID/stat` (nil where there is no /proc).
    private static func stat(of pid: Int32) -> (state: String, startTicks: Int64?)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let nameEnd = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22.
        let fields = text[text.index(after: nameEnd)...].split(separator: " ")
        guard let state = fields.first else { return nil }
        return (String(state), fields.count > 19 ? Int64(fields[19]) : nil)
    }
}
