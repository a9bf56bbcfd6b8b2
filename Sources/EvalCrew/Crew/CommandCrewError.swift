import Foundation

/// Why a command crew produced no usable outcome, each with what to do about it.
///
/// Adapters never throw: the message of one of these becomes `CrewOutcome.error`.
public enum CommandCrewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The suite's `command:` list is empty.
    case emptyCommand
    /// A `{name}` template names neither an input of the case nor `case`/`repeat`.
    case unknownPlaceholder(name: String, field: String, known: [String])
    /// A `${VAR}` reference names a variable that is not set in evalcrew's environment.
    case unsetVariable(name: String, field: String)
    /// A template that does not parse (an unclosed `{`, an empty name).
    case malformedTemplate(template: String, field: String, reason: String)
    /// The working directory does not exist or is not a folder.
    case missingWorkingDirectory(String)
    /// The executable was not found on the search path.
    case executableNotFound(name: String, searchPath: String)
    /// The executable exists but cannot be executed.
    case notExecutable(path: String)
    /// The process could not be started (resources, permissions).
    case cannotStart(executable: String, reason: String)
    /// Capturing the crew's output failed before it started (a temporary file, a pipe).
    case cannotCapture(reason: String)
    /// The crew exited with a non-zero code.
    case exitedNonZero(executable: String, code: Int32, searchPath: String)
    /// The crew was killed by a signal evalcrew did not send.
    case killedBySignal(executable: String, signal: Int32)
    /// The crew ran past its timeout and was stopped.
    case timedOut(seconds: Double, killGrace: Double)
    /// The run was interrupted while the crew ran.
    case cancelled
    /// The crew exited cleanly but printed nothing.
    case emptyStandardOutput(executable: String)
    /// None of the output paths was written by this invocation; each entry says what was found there.
    case outputNotWritten(looked: [String])
    /// An output file or folder exists but cannot be read.
    case cannotReadOutput(path: String, reason: String)

    public var description: String {
        switch self {
        case .emptyCommand:
            return "the crew's command is empty; give `crew: {command: [program, args…]}` in the suite"
        case let .unknownPlaceholder(name, field, known):
            return "\(field): unknown template `{\(name)}`; known names are \(known.map { "{\($0)}" }.joined(separator: ", ")) "
                + "(add `\(name)` to the case's inputs, or write `{{` and `}}` for literal braces)"
        case let .unsetVariable(name, field):
            return "\(field): environment variable `\(name)` (written `${\(name)}`) is not set; export it before running evalcrew"
        case let .malformedTemplate(template, field, reason):
            return "\(field): malformed template '\(template)': \(reason) (write `{name}` for an input, `${VAR}` for a variable, `{{` and `}}` for literal braces)"
        case let .missingWorkingDirectory(path):
            return "the crew's working directory '\(path)' does not exist or is not a folder; fix `cwd` under the suite's `crew: {command: …}`"
        case let .executableNotFound(name, searchPath):
            return "cannot run '\(name)': not found on PATH (\(searchPath)); install it, give its full path, or set PATH in the crew's `env`"
        case let .notExecutable(path):
            return "cannot run '\(path)': the file is not executable (chmod +x it, or name its interpreter first, e.g. python3 \(path))"
        case let .cannotStart(executable, reason):
            return "cannot start '\(executable)': \(reason)"
        case let .cannotCapture(reason):
            return "cannot capture the crew's output: \(reason); check the temporary folder (TMPDIR) and the open-file limit"
        case let .exitedNonZero(executable, code, searchPath):
            if code == 127 {
                return "'\(executable)' exited with code 127: a command it runs was not found (PATH \(searchPath)); see stderr"
            }
            return "'\(executable)' exited with code \(code); see stderr"
        case let .killedBySignal(executable, signal):
            return "'\(executable)' was killed by signal \(signal) (\(Self.signalName(signal))); see stderr, and check memory limits"
        case let .timedOut(seconds, killGrace):
            return "the crew ran longer than its \(Self.seconds(seconds)) timeout and was stopped (TERM to its process group, "
                + "KILL after \(Self.seconds(killGrace))); raise `timeout` in the suite or the case if it needs longer"
        case .cancelled:
            return "the run was interrupted while the crew ran; its process group was stopped"
        case let .emptyStandardOutput(executable):
            return "'\(executable)' exited with code 0 but printed nothing on stdout; if the crew writes its output to files, "
                + "list them under the crew's `output: {files: […]}` in the suite"
        case let .outputNotWritten(looked):
            return "the crew wrote none of its output paths: \(looked.joined(separator: "; ")); "
                + "check `output: {files: […]}` against where the crew writes (paths are relative to the working directory)"
        case let .cannotReadOutput(path, reason):
            return "cannot read the crew's output '\(path)': \(reason)"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT"
        case SIGINT: return "SIGINT"
        case SIGBUS: return "SIGBUS"
        case SIGPIPE: return "SIGPIPE"
        default: return "signal \(signal)"
        }
    }
}
