import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew runs`: list, show and delete stored runs.
    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "List, show and delete stored runs.",
            discussion: """
            A run is named by its id (a unique prefix works), label:NAME (the latest run with that \
            label), latest, or latest~N (the N-th run before the latest; of --suite when given).

            Exit codes: 0 success; 2 usage error; 3 no such run, or the store cannot be used.
            """,
            subcommands: [List.self, Show.self, Delete.self], defaultSubcommand: List.self)

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored runs, newest first.")

            @Option(help: "Only the runs of this suite (its name).")
            var suite: String?

            @OptionGroup var storeOptions: StoreOptions

            @Option(help: "Output format: text or json.")
            var format: OutputFormat = .text

            func run() async throws {
                let store = try await storeOptions.open()
                let runs = try await storeCall { try await store.listRuns(suite: suite) }
                switch format {
                case .json:
                    FileHandleOutput.standardOutput(try ReportJSON.encode(["runs": runs.map(RunSummaryJSON.init)]))
                case .text:
                    guard !runs.isEmpty else {
                        FileHandleOutput.standardOutput(suite.map { "no runs of suite '\($0)' in \(storeOptions.path)" }
                                                        ?? "no runs in \(storeOptions.path) yet (start one with `evalcrew run SUITE`)")
                        return
                    }
                    FileHandleOutput.standardOutput(RunListRenderer(style: .forStandardOutput()).render(runs))
                }
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run: its cases, scores and failures.")

            @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
            var run: String

            @Option(help: "Resolve latest/label within this suite (its name).")
            var suite: String?

            @OptionGroup var storeOptions: StoreOptions

            @Option(help: "Output format: text or json.")
            var format: OutputFormat = .text

            func run() async throws {
                let store = try await storeOptions.open()
                let stored = try await RunLookup.load(run, suite: suite, store: store)
                switch format {
                case .json:
                    FileHandleOutput.standardOutput(try ReportJSON.encode(StoredRunJSON(stored)))
                case .text:
                    FileHandleOutput.standardOutput(RunShowRenderer(style: .forStandardOutput()).render(stored))
                }
            }
        }

        struct Delete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a run and everything stored with it.")

            @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
            var run: String

            @Option(help: "Resolve latest/label within this suite (its name).")
            var suite: String?

            @OptionGroup var storeOptions: StoreOptions

            func run() async throws {
                let store = try await storeOptions.open()
                let id = try await RunLookup.resolve(run, suite: suite, store: store)
                try await storeCall { try await store.deleteRun(id) }
                FileHandleOutput.standardOutput("deleted run \(id)")
            }
        }
    }
}

/// Resolves run references for commands: malformed → exit 2, unknown or store failure → exit 3.
enum RunLookup {
    static func resolve(_ text: String, suite: String?, store: any RunStore) async throws -> RunID {
        let reference: RunReference
        do {
            reference = try RunReference(parsing: text)
        } catch {
            FileHandleOutput.standardError("evalcrew: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return try await storeCall { try await store.resolve(reference, suite: suite) }
    }

    static func load(_ text: String, suite: String?, store: any RunStore) async throws -> StoredRun {
        let id = try await resolve(text, suite: suite, store: store)
        return try await storeCall { try await store.loadRun(id) }
    }
}
