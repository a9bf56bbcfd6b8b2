import ArgumentParser
import EvalCrew
import Foundation

/// `--store PATH`: where runs are kept (else `EVALCREW_STORE`, else `.evalcrew/evalcrew.db`).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The run store (SQLite file).", discussion: "Default: $EVALCREW_STORE, else .evalcrew/evalcrew.db in the current folder.",
                               valueName: "path"))
    var store: String?

    /// The path in effect.
    var path: String {
        store ?? ProcessInfo.processInfo.environment["EVALCREW_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? ".evalcrew/evalcrew.db"
    }

    /// Opens the store; an unusable store exits 3 with the store's own message.
    func open() async throws -> SQLiteRunStore {
        do {
            return try await SQLiteRunStore.open(path: path)
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
