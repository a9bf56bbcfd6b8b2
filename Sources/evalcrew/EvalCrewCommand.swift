import ArgumentParser
import EvalCrew
import Foundation

/// The `evalcrew` command: parses arguments, calls the library, chooses output format and exit code.
@main
struct EvalCrewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalcrew",
        abstract: "Score the outputs of CrewAI content crews — offline and deterministic.",
        discussion: """
        Score one output with `evalcrew score OUTPUT --sources DOCS`; `evalcrew metrics` lists what is \
        measured. Run a suite of topics through the crew with `evalcrew run SUITE`; every output is \
        scored and kept in the run store (`runs list`, `runs show`, `rescore`, `import`). \
        `evalcrew compare A B` says whether B got better or worse than A, beyond noise; `evalcrew gate \
        RUN` (or `run --gate`) applies the suite's gates (docs/gates.md); `evalcrew golden` keeps \
        approved outputs to check runs against (docs/goldens.md).

        Exit codes: 0 success; 1 a gate or golden check failed (gate, run --gate, golden check); 2 \
        usage or configuration error (bad flags, an invalid suite, missing sources); 3 something could not be evaluated (unreadable input, a case not scored, an \
        interrupted run, no such run, an unusable store). Each command's --help says what its codes mean.
        """,
        version: Evaluator.version,
        subcommands: [Score.self, Run.self, Runs.self, Compare.self, Gate.self, Report.self, Golden.self, Rescore.self,
                      Import.self, SuiteCommand.self, Metrics.self, Version.self]
    )

    /// Runs the command; usage errors exit 2 (ArgumentParser's own default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            await OpenStores.shared.closeAll()
        } catch let exit as ExitCode {
            await OpenStores.shared.closeAll()
            Foundation.exit(exit.rawValue)
        } catch {
            await OpenStores.shared.closeAll()
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            FileHandleOutput.standardError(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

/// evalcrew's exit codes.
enum ExitStatus: Int32 {
    case success = 0
    /// A gate failed (`gate`, `run --gate`).
    case gateFailed = 1
    case usage = 2
    case unreadableInput = 3
}
