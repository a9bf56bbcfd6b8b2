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
        Start with `evalcrew score OUTPUT --sources DOCS`; `evalcrew metrics` lists what is measured. \
        Running crews, storing runs and comparing them arrive in later versions.

        Exit codes: 0 success; 2 usage error (bad flags, missing sources); 3 unreadable input.
        """,
        version: Evaluator.version,
        subcommands: [Score.self, Run.self, Runs.self, Rescore.self, Import.self, SuiteCommand.self, Metrics.self, Version.self]
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
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
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
    case usage = 2
    case unreadableInput = 3
}
