import CSQLite
import Foundation

/// Copies the WAL into the store file on a connection and a queue of its own, so that the writer
/// never waits for a checkpoint's fsyncs: SQLite's automatic checkpoint runs inside the commit that
/// crosses its threshold, and on this project's machine those waits were half of the write time.
///
/// Passive checkpoints never block the writer; they cannot restart the WAL while writes keep coming,
/// so the writer itself restarts it past `SQLiteConnection`'s cap (a short, mostly fsynced remainder).
/// Any failure here only leaves more for the writer's own checkpoint.
///
/// `@unchecked Sendable`: `handle` is only touched in blocks on `queue` (serial), which serialise
/// access like a lock; `path` and `busyTimeout` are constants.
final class WALCheckpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "evalcrew.run-store.checkpointer")
    private let path: String
    private let busyTimeout: Double
    private var handle: OpaquePointer?
    private var closed = false

    init(path: String, busyTimeout: Double) {
        self.path = path
        self.busyTimeout = busyTimeout
    }

    /// Starts a passive checkpoint soon, on the checkpointer's queue.
    func request() {
        queue.async { [self] in
            guard !closed, let handle = openHandle() else { return }
            sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
    }

    /// Returns once the checkpoints asked for so far have run.
    func waitForRequests() {
        queue.sync {}
    }

    /// Waits for a running checkpoint and closes the connection (before the writer's, which then
    /// checkpoints the rest and removes the WAL).
    func close() {
        queue.sync {
            closed = true
            if let handle { sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    private func openHandle() -> OpaquePointer? {
        if let handle { return handle }
        var opened: OpaquePointer?
        guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let opened else {
            sqlite3_close_v2(opened)
            return nil
        }
        sqlite3_busy_timeout(opened, Int32(clamping: Int((busyTimeout * 1000).rounded())))
        // A connection learns that the file is in WAL mode on its first read; until then every
        // checkpoint is a no-op ("not in WAL mode"), and the writer ended up copying the whole WAL
        // itself, fsyncs included, each time it reached its cap.
        guard sqlite3_exec(opened, "PRAGMA journal_mode", nil, nil, nil) == SQLITE_OK else {
            sqlite3_close_v2(opened)
            return nil
        }
        handle = opened
        return opened
    }
}
