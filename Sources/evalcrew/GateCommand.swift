import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew gate RUN`: applies the suite's gates to a stored run and keeps the result with it.
    struct Gate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gate",
            abstract: "Apply the suite's gates to a stored run (what CI passes or fails on).",
            discussion: """
            The gates are the suite file's `gates:` (docs/gates.md): absolute rules on the run's scores, \
            with `run.failed_cases <= 0` by default, and no-regression gates against a baseline — by \
            default last-passed, the latest earlier run of the suite whose gates passed. With none yet, \
            the no-regression gates pass and say so. The result is kept with the run (unless it cannot be \
            evaluated), which is what last-passed reads. The suite file is the one stored with the run, \
            or --suite-file.

            Exit codes, in this precedence: 2 usage or configuration error (bad flags, an invalid suite \
            or invalid gates, a missing suite file); 3 the run or its baseline cannot be evaluated (no such \
            run, no goldens, another suite, other scorer versions, an unusable store, an interrupted run, every case \
            failed); 1 a gate failed (a case not scored fails run.failed_cases); 0 every gate passed.
            """)

        @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
        var run: String

        @Option(help: ArgumentHelp("The baseline of no-regression gates: a run (id, label:NAME, latest~N), last-passed or goldens.",
                                   discussion: "Default: last-passed.", valueName: "run"))
        var baseline: String?

        @Option(help: "Resolve latest/label within this suite (its name).")
        var suite: String?

        @Option(help: "The suite file whose gates apply (default: the one stored with the run).")
        var suiteFile: String?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            // Configuration errors (exit 2) come before anything the store can say (exit 3): the
            // baseline's spelling, and the suite file when it is named here.
            let choice = try GateCheck.baselineChoice(baseline)
            if let suiteFile {
                _ = try GateCheck.gates(of: try SuiteFile.load(suiteFile))
            }
            let store = try await storeOptions.open(creating: false)
            let id = try await RunLookup.resolve(run, suite: suite, store: store)
            let scores = try await storeCall { try await store.loadScores(id) }
            let suiteDefinition = try GateCheck.suite(for: scores, suiteFile: suiteFile)
            let gates = try GateCheck.gates(of: suiteDefinition)
            let prepared = try GateCheck.prepareBaseline(choice, suite: suiteDefinition)
            let outcome = try await GateCheck.check(scores, suite: suiteDefinition, gates: gates, baseline: prepared, store: store)
            switch format {
            case .json: FileHandleOutput.standardOutput(try ReportJSON.encode(outcome.json))
            case .text: FileHandleOutput.standardOutput(outcome.text(style: .forStandardOutput()))
            }
            if outcome.exitStatus != ExitStatus.success.rawValue { throw ExitCode(outcome.exitStatus) }
        }
    }
}
