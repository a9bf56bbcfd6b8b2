import Foundation

/// Runs one case's repeat through a crew and returns what it produced. Never throws: every way
/// a crew can fail is an outcome, so one bad case never sinks a run.
public protocol CrewAdapter: Sendable {
    func invoke(_ invocation: CrewInvocation) async -> CrewOutcome
}

/// One crew invocation: a case's inputs for one repeat.
public struct CrewInvocation: Sendable {
    public var caseID: String
    /// 1-based.
    public var repeatIndex: Int
    public var inputs: [CrewInput]
    /// Seconds the crew may take.
    public var timeout: Double
    /// Where the crew's retrieval trace goes (`EVALCREW_TRACE`); the adapter reads it back.
    public var tracePath: String

    public init(caseID: String, repeatIndex: Int, inputs: [CrewInput], timeout: Double, tracePath: String) {
        self.caseID = caseID
        self.repeatIndex = repeatIndex
        self.inputs = inputs
        self.timeout = timeout
        self.tracePath = tracePath
    }

    /// Values for `{name}` templates: the inputs, plus `case` and `repeat`.
    public var templateValues: [String: String] {
        var values = ["case": caseID, "repeat": String(repeatIndex)]
        for input in inputs { values[input.name] = input.value }
        return values
    }
}

/// What one crew invocation produced, whatever happened.
public struct CrewOutcome: Sendable {
    public enum Status: String, Sendable, Codable {
        /// The crew finished and produced output.
        case completed
        /// The crew failed: non-zero exit, an error status, no output.
        case failed
        /// The crew took longer than its timeout and was stopped.
        case timedOut = "timed-out"
        /// The run was interrupted while the crew ran.
        case cancelled
    }

    public var status: Status
    /// Everything the crew produced (kept even when it failed).
    public var output: CrewArtifact?
    /// The retrieval trace (JSON lines), when the crew wrote one.
    public var trace: Data?
    public var exitCode: Int32?
    /// The last lines of stderr (at most `CrewOutcome.stderrTailLimit` bytes).
    public var stderrTail: String
    /// What went wrong, for a user to act on; nil when completed.
    public var error: String?
    /// Seconds from launch to the end.
    public var duration: Double

    public static let stderrTailLimit = 8192

    public init(status: Status, output: CrewArtifact? = nil, trace: Data? = nil, exitCode: Int32? = nil,
                stderrTail: String = "", error: String? = nil, duration: Double) {
        self.status = status
        self.output = output
        self.trace = trace
        self.exitCode = exitCode
        self.stderrTail = stderrTail
        self.error = error
        self.duration = duration
    }
}

/// A crew's output as produced: one file (stdout, an output file) or a whole output folder.
public struct CrewArtifact: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case file
        case folder
    }

    public var kind: Kind
    /// For a file, one entry named as the crew's file (or `stdout`); for a folder, every file by relative path.
    public var files: [CrewArtifactFile]

    public init(kind: Kind, files: [CrewArtifactFile]) {
        self.kind = kind
        self.files = files
    }

    /// A single file.
    public static func file(name: String, contents: Data) -> CrewArtifact {
        CrewArtifact(kind: .file, files: [CrewArtifactFile(path: name, contents: contents)])
    }

    /// Total bytes.
    public var byteCount: Int { files.reduce(0) { $0 + $1.contents.count } }
}

/// One file of a crew's output.
public struct CrewArtifactFile: Sendable, Equatable {
    /// The file name, or the path relative to the output folder.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}
