import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A launched crew: its leader process and the process group it leads.
///
/// Signalling and reaping happen under one lock, and the group is only signalled while the
/// leader is unreaped: a zombie leader keeps its pid (and so the group id) from being recycled,
/// so a signal can never reach an unrelated process. The cancellation handler runs on another
/// thread than the supervising loop, which is why this is a class with a lock.
final class ProcessGroup: @unchecked Sendable {  // every mutable field is read and written under `lock`
    let leader: pid_t
    private let lock = NSLock()
    private var reaped = false
    private var cancelled = false

    init(leader: pid_t) {
        self.leader = leader
    }

    /// Sends `signal` to every process of the group, unless the leader is already reaped.
    func signal(_ signal: Int32) {
        lock.withLock {
            guard !reaped else { return }
            _ = kill(-leader, signal)
        }
    }

    /// Sends TERM to the group and records the interruption, unless the leader already ended by itself
    /// (called from the cancellation handler, on whatever thread cancels the task).
    func cancel() {
        lock.withLock {
            guard !reaped else { return }
            cancelled = true
            _ = kill(-leader, SIGTERM)
        }
    }

    /// Whether `cancel()` reached the group while its leader was running.
    var isCancelled: Bool { lock.withLock { cancelled } }

    /// The leader's wait status once it has exited, else nil; never blocks.
    ///
    /// Before reaping, whatever is left of the group (children that outlived the leader, possibly
    /// holding its output open) is killed, so an exited crew never leaves work behind or hangs the adapter.
    func reapIfExited() -> Int32? {
        lock.withLock {
            guard !reaped else { return nil }
            var info = siginfo_t()
            // WNOWAIT leaves the leader a zombie, so its group id stays valid for the kill below.
            if waitid(P_PID, id_t(leader), &info, WEXITED | WNOHANG | WNOWAIT) != 0 {
                if errno == EINTR { return nil }
                // ECHILD: reaped elsewhere; report an unknown end rather than waiting forever.
                reaped = true
                return Self.unknownStatus
            }
            guard info._sifields._sigchld.si_pid == leader else { return nil }
            _ = kill(-leader, SIGKILL)
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(leader, &status, 0) } while result == -1 && errno == EINTR
            reaped = true
            return result == leader ? status : Self.unknownStatus
        }
    }

    /// A wait status for a leader reaped elsewhere: reads as killed by SIGKILL.
    static let unknownStatus: Int32 = SIGKILL
}

/// How a process ended, decoded from a wait status (the `WIFEXITED` macros do not import into Swift).
enum ExitStatus: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)

    init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
