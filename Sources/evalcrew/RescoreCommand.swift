import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew rescore`: the stored outputs of a run scored again with the current scorers.
    struct Rescore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rescore",
            abstract: "Score a stored run's outputs again with the current scorers (no crew calls).",
            discussion: """
            The new scoring is kept beside the old ones, with its scorer version; `runs show` uses the \
            newest. Targets and sources come from the suite file (the path stored \
            with the run, or --suite-file).

            Exit codes: 0 rescored; 2 usage or suite error; 3 no such run, or the store cannot be used.
            """)

        @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
        var run: String

        @Option(help: "Resolve latest/label within this suite (its name).")
        var suite: String?

        @Option(help: "The suite file to take targets and sources from (default: the one stored with the run).")
        var suiteFile: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try await storeOptions.open(creating: false)
            let stored = try await RunLookup.load(run, suite: suite, store: store)
            if suiteFile == nil && !FileManager.default.fileExists(atPath: stored.suitePath) {
                FileHandleOutput.standardError("evalcrew: run \(stored.summary.id)'s suite file '\(stored.suitePath)' is gone; give it with --suite-file PATH")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let suiteDefinition = try SuiteFile.load(suiteFile ?? stored.suitePath)
            if suiteDefinition.name != stored.summary.suiteName {
                FileHandleOutput.standardError("evalcrew: \(suiteDefinition.path) is suite '\(suiteDefinition.name)', but run \(stored.summary.id) is of suite '\(stored.summary.suiteName)'; give the right one with --suite-file")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            if suiteDefinition.contentHash != stored.suiteHash {
                FileHandleOutput.standardError("evalcrew: note: \(suiteDefinition.path) changed since the run; its current targets and sources are used")
            }
            let summary: RunRescorer.Summary
            do {
                summary = try RunRescorer.rescore(stored, suite: suiteDefinition)
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            for id in summary.casesNotInSuite {
                FileHandleOutput.standardError("evalcrew: warning: case '\(id)' is no longer in \(suiteDefinition.path); scored with the suite's defaults")
            }
            try await storeCall { try await store.addScoring(summary.scoring, to: stored.summary.id) }
            let scored = summary.scoring.results.filter { $0.status == .scored }.count
            var line = "rescored run \(stored.summary.id) with scorers v\(summary.scoring.scorerVersion): \(scored)/\(summary.scoring.results.count) outputs scored"
            if summary.withoutOutput > 0 { line += "; \(summary.withoutOutput) case results have no output to score" }
            FileHandleOutput.standardOutput(line)
        }
    }
}
