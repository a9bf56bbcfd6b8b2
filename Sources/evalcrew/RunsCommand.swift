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
                if storeOptions.explicitPath == nil && !storeOptions.exists {
                    // The default store appears with the first run: an empty list, not an error.
                    switch format {
                    case .json: FileHandleOutput.standardOutput(try ReportJSON.encode(["runs": [RunSummaryJSON]()]))
                    case .text: FileHandleOutput.standardOutput("no runs yet: no store at \(storeOptions.path) (start one with `evalcrew run SUITE`)")
                    }
                    return
                }
                let store = try await storeOptions.open(creating: false)
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

            @Option(name: .customLong("case"), help: "Show this case's findings in full (every repeat, or --repeat N).")
            var caseID: String?

            @Option(name: .customLong("repeat"), help: "With --case: only this repeat.")
            var repeatIndex: Int?

            @OptionGroup var storeOptions: StoreOptions

            @Option(help: "Output format: text or json.")
            var format: OutputFormat = .text

            func validate() throws {
                if repeatIndex != nil && caseID == nil { throw ValidationError("--repeat needs --case") }
            }

            func run() async throws {
                let store = try await storeOptions.open(creating: false)
                let stored = try await RunLookup.load(run, suite: suite, store: store)
                if let caseID {
                    try showCase(caseID, of: stored)
                    return
                }
                switch format {
                case .json:
                    FileHandleOutput.standardOutput(try ReportJSON.encode(StoredRunJSON(stored)))
                case .text:
                    FileHandleOutput.standardOutput(RunShowRenderer(style: .forStandardOutput()).render(stored))
                }
            }

            /// One case's results in full: the score report of each repeat, as `score` prints it.
            private func showCase(_ caseID: String, of stored: StoredRun) throws {
                let results = stored.cases.filter { $0.caseID == caseID && (repeatIndex == nil || $0.repeatIndex == repeatIndex) }
                guard !results.isEmpty else {
                    let known = Array(Set(stored.cases.map(\.caseID))).sorted().joined(separator: ", ")
                    FileHandleOutput.standardError("evalcrew: run \(stored.summary.id) has no result for case '\(caseID)'"
                                                   + (repeatIndex.map { " repeat \($0)" } ?? "") + " (its cases: \(known))")
                    throw ExitCode(ExitStatus.unreadableInput.rawValue)
                }
                switch format {
                case .json:
                    FileHandleOutput.standardOutput(try ReportJSON.encode(StoredRunJSON(stored, only: results)))
                case .text:
                    let renderer = ScoreTextRenderer(style: .forStandardOutput(), limitPerKind: nil)
                    let blocks = results.map { result in
                        result.report.map(renderer.render)
                            ?? "\(result.caseID)@\(result.repeatIndex): \(result.status.rawValue): \(result.error ?? "no detail")"
                    }
                    FileHandleOutput.standardOutput(blocks.joined(separator: "\n\n"))
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
                let store = try await storeOptions.open(creating: false)
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
