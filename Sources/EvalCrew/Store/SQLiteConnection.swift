import CSQLite
import Foundation

/// One SQLite connection with its cached statements. The handle never leaves this type.
///
/// `@unchecked Sendable` because its owner (`SQLiteRunStore`) confines it to one serial dispatch
/// queue: every use happens in a block on that queue, which serialises access the way a lock would
/// (`dispatchPrecondition` checks it on each entry point). It crosses tasks only as a reference.
final class SQLiteConnection: @unchecked Sendable {
    let path: String
    /// The queue every use must run on.
    private let queue: DispatchQueue
    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]
    /// What the store is doing, for error messages ("record case intro #1").
    var operation = "open the store"
    /// Checkpoints the WAL in the background; set once the store is open.
    private var checkpointer: WALCheckpointer?
    /// Frames in the WAL after the last commit (from SQLite's WAL hook).
    private var walFrames = 0
    private var walFramesAtLastRequest = 0
    /// A background checkpoint is asked for every 1,000 new frames (4 MB).
    private static let framesPerCheckpointRequest = 1_000
    /// Past 16,000 frames (64 MB) the writer restarts the WAL itself.
    private static let walFrameCap = 16_000

    private init(path: String, queue: DispatchQueue, handle: OpaquePointer) {
        self.path = path
        self.queue = queue
        self.handle = handle
    }

    deinit { closeHandle() }

    /// Opens (creating the file and its folders when missing) with the store's pragmas set.
    ///
    /// Call on `queue`; the connection must only ever be used there.
    static func open(path: String, queue: DispatchQueue, busyTimeout: Double,
                     migrations: [String] = StoreSchema.migrations) throws(StoreError) -> SQLiteConnection {
        dispatchPrecondition(condition: .onQueue(queue))
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue {
            throw .cannotOpen(path: path, reason: "it is a folder; give the path of a store file")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !exists {
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Self.isPermissionProblem(Self.nearestExisting(folder)) ? .readOnly(path: path)
                    : .cannotOpen(path: path, reason: "cannot create the folder '\(folder)': \(error.localizedDescription)")
            }
            if access(folder, W_OK) != 0 { throw .readOnly(path: path) }
        }
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            if Self.isPermissionProblem(path) || Self.isPermissionProblem(folder) { throw .readOnly(path: path) }
            throw .cannotOpen(path: path, reason: message)
        }
        let connection = SQLiteConnection(path: path, queue: queue, handle: handle)
        sqlite3_extended_result_codes(handle, 1)
        // SQLite falls back to read-only when the file cannot be opened for writing.
        if sqlite3_db_readonly(handle, "main") == 1 { throw .readOnly(path: path) }
        sqlite3_busy_timeout(handle, Int32(clamping: Int((busyTimeout * 1000).rounded())))
        try StoreSchema.prepare(connection, migrations: migrations)
        connection.checkpointInTheBackground(busyTimeout: busyTimeout)
        return connection
    }

    /// Replaces SQLite's automatic checkpoint (run inside the commit that crosses its threshold)
    /// with `WALCheckpointer`'s.
    private func checkpointInTheBackground(busyTimeout: Double) {
        guard let handle else { return }
        checkpointer = WALCheckpointer(path: URL(fileURLWithPath: path).path, busyTimeout: busyTimeout)
        // Unretained: the hook is called only during this connection's commits, while it is alive.
        sqlite3_wal_hook(handle, { context, _, _, frames in
            guard let context else { return SQLITE_OK }
            Unmanaged<SQLiteConnection>.fromOpaque(context).takeUnretainedValue().walFrames = Int(frames)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// After a commit: asks for a background checkpoint every so many frames, and restarts a WAL
    /// that outgrew the cap. The background checkpoints copy nearly all of it by then, so the restart
    /// copies only the last frames; when a background checkpoint holds the checkpoint lock, the
    /// writer waits for it instead of retrying after every commit while the WAL keeps growing.
    private func checkpointIfDue() {
        guard let checkpointer, let handle else { return }
        if walFrames < walFramesAtLastRequest { walFramesAtLastRequest = 0 }
        if walFrames >= walFramesAtLastRequest + Self.framesPerCheckpointRequest {
            walFramesAtLastRequest = walFrames
            checkpointer.request()
        }
        if walFrames >= Self.walFrameCap {
            if sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_RESTART, nil, nil) & 0xff == SQLITE_BUSY {
                checkpointer.waitForRequests()
                sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_RESTART, nil, nil)
            }
        }
    }

    /// Returns once the background checkpoints asked for so far have run (tests).
    func waitForBackgroundCheckpoints() {
        dispatchPrecondition(condition: .onQueue(queue))
        checkpointer?.waitForRequests()
    }

    /// Finalizes the statements and closes the handle; later uses fail with a clear error.
    func close() {
        dispatchPrecondition(condition: .onQueue(queue))
        closeHandle()
    }

    private func closeHandle() {
        checkpointer?.close()
        checkpointer = nil
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// A cached prepared statement for `sql` (one statement).
    func statement(_ sql: String) throws(StoreError) -> SQLiteStatement {
        dispatchPrecondition(condition: .onQueue(queue))
        if let cached = statements[sql] { return cached }
        let handle = try openHandle()
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code) }
        let prepared = SQLiteStatement(handle: statement, connection: self)
        statements[sql] = prepared
        return prepared
    }

    /// Runs one or more statements without parameters (schema, pragmas).
    func executeScript(_ sql: String) throws(StoreError) {
        dispatchPrecondition(condition: .onQueue(queue))
        let handle = try openHandle()
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` for writes (so a busy store fails at the start,
    /// after the busy timeout, never half-way), a deferred one for consistent multi-query reads.
    func transaction<T>(writing: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try statement(writing ? "BEGIN IMMEDIATE" : "BEGIN").execute()
        do throws(StoreError) {
            let value = try body()
            try statement("COMMIT").execute()
            if writing { checkpointIfDue() }
            return value
        } catch {
            if let handle, sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
    }

    /// The rowid of the last INSERT.
    var lastInsertedRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

    /// The store error for a failed SQLite call.
    func error(_ code: Int32) -> StoreError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the store is closed"
        switch code & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .locked(path: path)
        case SQLITE_READONLY:
            return .readOnly(path: path)
        case SQLITE_NOTADB:
            return .notAStore(path: path, reason: "the file is not a SQLite database")
        case SQLITE_CORRUPT:
            return .notAStore(path: path, reason: "the database is damaged: \(message)")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH:
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if Self.isPermissionProblem(path) || Self.isPermissionProblem(folder) { return .readOnly(path: path) }
            return .database(path: path, operation: operation, message: message)
        default:
            return .database(path: path, operation: operation, message: message)
        }
    }

    private func openHandle() throws(StoreError) -> OpaquePointer {
        guard let handle else { throw .database(path: path, operation: operation, message: "the store was closed") }
        return handle
    }

    /// `path` or the nearest of its ancestors that exists.
    private static func nearestExisting(_ path: String) -> String {
        var url = URL(fileURLWithPath: path)
        while access(url.path, F_OK) != 0 && url.path != "/" { url.deleteLastPathComponent() }
        return url.path
    }

    /// Whether `path` exists and this process may not write it (permissions, an immutable file,
    /// a read-only mount).
    private static func isPermissionProblem(_ path: String) -> Bool {
        access(path, F_OK) == 0 && access(path, W_OK) != 0
    }
}
