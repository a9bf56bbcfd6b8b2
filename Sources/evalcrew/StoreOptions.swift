import ArgumentParser
import EvalCrew
import Foundation

/// `--store PATH`: where runs are kept (else `EVALCREW_STORE`, else `.evalcrew/evalcrew.db`).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The run store (SQLite file).", discussion: "Default: $EVALCREW_STORE, else .evalcrew/evalcrew.db in the current folder.",
                               valueName: "path"))
    var store: String?

    /// The path in effect.
    var path: String { explicitPath ?? ".evalcrew/evalcrew.db" }

    /// The path the user named (`--store` or `EVALCREW_STORE`), if any.
    var explicitPath: String? {
        store ?? ProcessInfo.processInfo.environment["EVALCREW_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a store file is there (commands that only read never create one).
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Opens the store, creating it when `creating` (commands that write runs); a missing store for a
    /// reading command, or an unusable one, exits 3 with the reason.
    func open(creating: Bool) async throws -> SQLiteRunStore {
        if !creating && !exists {
            FileHandleOutput.standardError("evalcrew: no run store at '\(path)': `evalcrew run` and `evalcrew import` create it "
                                           + "(another store: --store PATH or EVALCREW_STORE)")
            throw ExitCode(ExitStatus.unreadableInput.rawValue)
        }
        do {
            let store = try await SQLiteRunStore.open(path: path)
            await OpenStores.shared.add(store)
            return store
        } catch {
            FileHandleOutput.standardError("evalcrew: \(error)")
            throw ExitCode(ExitStatus.unreadableInput.rawValue)
        }
    }
}

/// Runs a store operation; a store failure prints its message and exits 3.
func storeCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        FileHandleOutput.standardError("evalcrew: \(error)")
        throw ExitCode(ExitStatus.unreadableInput.rawValue)
    }
}

/// The stores a command opened, closed before the process exits whatever the exit code: closing
/// checkpoints the WAL into the store file, so the file alone holds every run (a CI cache or a
/// copy of `evalcrew.db` without its `-wal` loses nothing).
actor OpenStores {
    static let shared = OpenStores()
    private var stores: [SQLiteRunStore] = []

    func add(_ store: SQLiteRunStore) { stores.append(store) }

    /// Closes every store opened so far (closing one twice is harmless).
    func closeAll() async {
        for store in stores { await store.close() }
        stores.removeAll()
    }
}
