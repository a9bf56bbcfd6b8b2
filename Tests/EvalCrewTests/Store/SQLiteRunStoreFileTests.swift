import Foundation
import XCTest
@testable import EvalCrew

/// Store files that cannot be used (not ours, newer, read-only, locked) fail with a clear error,
/// and runs whose process is gone show as incomplete.
final class SQLiteRunStoreFileTests: XCTestCase {
    private var folder: URL!
    private var storePath: String { folder.appendingPathComponent("evalcrew.db").path }
    /// Paths made immutable (as root, permissions alone do not stop writes), undone in tearDown.
    private var immutablePaths: [String] = []

    override func setUpWithError() throws { folder = try StoreSamples.makeFolder() }

    override func tearDown() {
        for path in immutablePaths.reversed() { try? Self.chattr("-i", path) }
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        StoreSamples.removeFolder(folder)
    }

    func testAStoreFromANewerEvalcrewIsRefused() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        await store.close()
        let raw = try RawSQLite(path: storePath)
        try raw.execute("PRAGMA user_version = 99")
        raw.close()
        await XCTAssertStoreError(.newerSchema(path: storePath, found: 99, supported: StoreSchema.currentVersion)) { () async throws(StoreError) in
            try await SQLiteRunStore.open(path: storePath)
        }
        let message = StoreError.newerSchema(path: storePath, found: 99, supported: 1).description
        XCTAssertTrue(message.contains("upgrade evalcrew"), message)
    }

    func testAnOlderStoreIsMigratedForwardKeepingItsRuns() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let id = try await store.beginRun(StoreSamples.newRun())
        try await store.recordCase(StoreSamples.failedCase(), in: id)
        await store.close()

        // A later evalcrew with a second migration opens the version-1 store.
        let version2 = StoreSchema.migrations + ["ALTER TABLE runs ADD COLUMN note TEXT; UPDATE runs SET note = 'migrated';"]
        let migrated = try await SQLiteRunStore.open(path: storePath, busyTimeout: 5, migrations: version2)
        let stored = try await migrated.loadRun(id)
        XCTAssertEqual(stored.cases.map(\.caseID), ["kubernetes"])
        await migrated.close()
        let raw = try RawSQLite(path: storePath)
        XCTAssertEqual(try raw.integer("PRAGMA user_version"), StoreSchema.currentVersion + 1)
        XCTAssertEqual(try raw.integer("SELECT count(*) FROM runs WHERE note = 'migrated'"), 1)
        raw.close()

        // This evalcrew does not know the later version and refuses the migrated store.
        await XCTAssertStoreError(.newerSchema(path: storePath, found: StoreSchema.currentVersion + 1, supported: StoreSchema.currentVersion)) { () async throws(StoreError) in
            try await SQLiteRunStore.open(path: storePath)
        }
    }

    func testAFileThatIsNotSQLiteIsNotAStore() async throws {
        try Data("# notes\nthis is not a database, but it is long enough to have a header of sorts.\n".utf8)
            .write(to: URL(fileURLWithPath: storePath))
        await XCTAssertStoreError(.notAStore(path: storePath, reason: "the file is not a SQLite database")) { () async throws(StoreError) in
            try await SQLiteRunStore.open(path: storePath)
        }
        XCTAssertEqual(try String(contentsOfFile: storePath, encoding: .utf8).prefix(7), "# notes", "the file is left alone")
    }

    func testASQLiteDatabaseOfAnotherProgramIsNotAStore() async throws {
        let raw = try RawSQLite(path: storePath)
        try raw.execute("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')")
        raw.close()
        await XCTAssertStoreError({ () async throws(StoreError) in try await SQLiteRunStore.open(path: storePath) }) {
            if case .notAStore(_, let reason) = $0 { return reason.contains("another program") }
            return false
        }
        let reopened = try RawSQLite(path: storePath)
        XCTAssertEqual(try reopened.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table'"), 1, "nothing was added")
    }

    func testAReadOnlyStoreFileIsReported() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        _ = try await store.beginRun(StoreSamples.newRun())
        await store.close()
        try makeReadOnly(storePath)
        await XCTAssertStoreError(.readOnly(path: storePath)) { () async throws(StoreError) in
            try await SQLiteRunStore.open(path: storePath)
        }
    }

    func testANewStoreInAReadOnlyFolderIsReported() async throws {
        try makeReadOnly(folder.path)
        let path = folder.appendingPathComponent("evalcrew.db").path
        await XCTAssertStoreError(.readOnly(path: path)) { () async throws(StoreError) in try await SQLiteRunStore.open(path: path) }
        let nested = folder.appendingPathComponent("sub/evalcrew.db").path
        await XCTAssertStoreError(.readOnly(path: nested)) { () async throws(StoreError) in try await SQLiteRunStore.open(path: nested) }
    }

    func testAStoreInAFolderThatBecameReadOnlyIsReported() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        _ = try await store.beginRun(StoreSamples.newRun())
        await store.close()
        try makeReadOnly(folder.path)
        await XCTAssertStoreError(.readOnly(path: storePath)) { () async throws(StoreError) in
            try await SQLiteRunStore.open(path: storePath)
        }
    }

    func testAFolderIsNotAStoreFile() async throws {
        await XCTAssertStoreError({ () async throws(StoreError) in try await SQLiteRunStore.open(path: folder.path) }) {
            if case .cannotOpen(_, let reason) = $0 { return reason.contains("it is a folder") }
            return false
        }
    }

    func testAWriteWhileAnotherConnectionHoldsTheLockFailsAsLockedAfterTheBusyTimeout() async throws {
        let store = try await SQLiteRunStore.open(path: storePath, busyTimeout: 0.2)
        let id = try await store.beginRun(StoreSamples.newRun())
        let other = try RawSQLite(path: storePath)
        try other.execute("BEGIN EXCLUSIVE")
        await XCTAssertStoreError(.locked(path: storePath)) { () async throws(StoreError) in
            try await store.recordCase(StoreSamples.failedCase(), in: id)
        }
        await XCTAssertStoreError(.locked(path: storePath)) { () async throws(StoreError) in
            try await store.beginRun(StoreSamples.newRun())
        }
        // Reads go on (WAL).
        let listed = try await store.listRuns(suite: nil)
        XCTAssertEqual(listed.map(\.id), [id])
        try other.execute("COMMIT")
        try await store.recordCase(StoreSamples.failedCase(), in: id)
        let stored = try await store.loadRun(id)
        XCTAssertEqual(stored.cases.count, 1, "the locked attempt left nothing behind")
    }

    func testOpeningANewStoreWhileAnotherProcessMigratesItFailsAsLocked() async throws {
        let other = try RawSQLite(path: storePath)
        try other.execute("PRAGMA journal_mode = WAL; BEGIN EXCLUSIVE")
        await XCTAssertStoreError(.locked(path: storePath)) { () async throws(StoreError) in
            try await SQLiteRunStore.open(path: storePath, busyTimeout: 0.2)
        }
        try other.execute("COMMIT")
        let store = try await SQLiteRunStore.open(path: storePath, busyTimeout: 0.2)
        let listed = try await store.listRuns(suite: nil)
        XCTAssertEqual(listed, [])
    }

    func testARunningRunWhoseProcessIsGoneIsIncomplete() async throws {
        let store = try await SQLiteRunStore.open(path: storePath)
        let host = WriterProcess.current.host
        let deadPID = try Self.pidOfAnExitedProcess()
        let dead = try await store.beginRun(StoreSamples.newRun(label: "dead"), writer: WriterProcess(pid: deadPID, host: host, startTicks: nil))
        // The parent is alive, but its start time says it is not the process that wrote the run (a reused pid).
        let parent = getppid()
        let reused = try await store.beginRun(StoreSamples.newRun(label: "reused"), writer: WriterProcess(pid: parent, host: host, startTicks: 1))
        let elsewhere = try await store.beginRun(StoreSamples.newRun(label: "elsewhere"),
                                                 writer: WriterProcess(pid: deadPID, host: host + "-elsewhere", startTicks: nil))
        let alive = try await store.beginRun(StoreSamples.newRun(label: "alive"))
        let finished = try await store.beginRun(StoreSamples.newRun(label: "finished"), writer: WriterProcess(pid: deadPID, host: host, startTicks: nil))
        try await store.finishRun(finished, status: .completed, endedAt: Date())

        let statuses = Dictionary(uniqueKeysWithValues: try await store.listRuns(suite: nil).map { ($0.id, $0.status) })
        XCTAssertEqual(statuses[dead], .incomplete)
        XCTAssertEqual(statuses[reused], .incomplete)
        XCTAssertEqual(statuses[elsewhere], .running, "another host's process cannot be checked")
        XCTAssertEqual(statuses[alive], .running)
        XCTAssertEqual(statuses[finished], .completed)
        let loaded = try await store.loadRun(dead)
        XCTAssertEqual(loaded.summary.status, .incomplete)
    }

    // MARK: - Helpers

    /// Makes a file or folder unwritable: permissions, and the immutable flag when running as root
    /// (root ignores permissions).
    private func makeReadOnly(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw RawSQLiteError(message: "no \(path)") }
        try FileManager.default.setAttributes([.posixPermissions: isFolder.boolValue ? 0o555 : 0o444], ofItemAtPath: path)
        guard geteuid() == 0 else { return }
        do {
            try Self.chattr("+i", path)
            immutablePaths.append(path)
        } catch {
            throw XCTSkip("running as root and `chattr +i` is not available (\(error)); cannot make \(path) read-only")
        }
    }

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RawSQLiteError(message: "chattr \(flag) \(path) failed") }
    }

    /// The pid of a process that has exited and been reaped.
    private static func pidOfAnExitedProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
