import Foundation

/// Runs a crew as a local command, one process (in its own process group) per invocation.
///
/// The argv, environment values and output paths are templates (`CommandTemplate`): inputs go in
/// as whole argv elements or environment values, never through a shell. `EVALCREW_TRACE` names
/// the invocation's trace file, read back into the outcome when the crew wrote it. Stdout is kept
/// in full (`CrewArtifact.file(name: "stdout", …)`) unless the output comes from files (then stdout
/// is discarded, and the first listed path this invocation wrote is the output: a file or folder left
/// unchanged from before the crew started never counts); stderr's tail is kept either way. A timeout or the task's cancellation stops the whole group (TERM,
/// then KILL after `killGrace`); whatever the crew had produced by then is kept.
public struct CommandCrewAdapter: CrewAdapter {
    public let spec: CommandCrewSpec
    /// The suite file's folder: relative working directories are resolved against it.
    public let baseDirectory: String
    /// evalcrew's environment: the crew's environment starts from it and `${VAR}` reads from it.
    public let environment: [String: String]

    public init(spec: CommandCrewSpec, baseDirectory: String,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.spec = spec
        self.baseDirectory = baseDirectory
        self.environment = environment
    }

    /// The variable naming the trace file the crew's trace module writes.
    public static let traceVariable = "EVALCREW_TRACE"

    public func invoke(_ invocation: CrewInvocation) async -> CrewOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let duration = clock.now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let plan: CommandPlan
        do {
            plan = try CommandPlan(spec: spec, baseDirectory: baseDirectory, environment: environment, invocation: invocation)
        } catch {
            return CrewOutcome(status: .failed, error: error.description, duration: elapsed())
        }
        let outputPaths = plan.outputPaths
        let before = await BlockingWork.run { outputPaths.map { ArtifactCapture.fingerprint($0.absolute) } }
        if let trace = plan.tracePath { Self.prepareTrace(at: trace) }

        let result: ProcessResult
        do {
            result = try await ChildProcess.run(plan.launch)
        } catch {
            return CrewOutcome(status: .failed, error: error.description, duration: elapsed())
        }
        let trace = await BlockingWork.run { plan.tracePath.flatMap { FileManager.default.contents(atPath: $0) } }
        let found = await output(of: result, plan: plan, before: before)

        var outcome = CrewOutcome(status: .completed, output: found.artifact, trace: trace, exitCode: result.exitCode,
                                  stderrTail: result.standardErrorTail, duration: elapsed())
        let program = plan.launch.arguments[0]
        let failure: (CrewOutcome.Status, CommandCrewError)?
        switch result.ending {
        case .exited(0):
            failure = found.problem.map { (.failed, $0) }
        case .exited(let code):
            failure = (.failed, .exitedNonZero(executable: program, code: code,
                                               searchPath: plan.launch.environment["PATH"] ?? ExecutableLookup.defaultSearchPath))
        case .signalled(let signal):
            failure = (.failed, .killedBySignal(executable: program, signal: signal))
        case .timedOut:
            failure = (.timedOut, .timedOut(seconds: invocation.timeout, killGrace: spec.killGrace))
        case .cancelled:
            failure = (.cancelled, .cancelled)
        }
        if let (status, error) = failure {
            outcome.status = status
            outcome.error = error.description
        }
        return outcome
    }

    /// The crew's output after it ended, or why there is none.
    private func output(of result: ProcessResult, plan: CommandPlan,
                        before: [ArtifactCapture.Fingerprint?]) async -> (artifact: CrewArtifact?, problem: CommandCrewError?) {
        switch spec.output {
        case .standardOutput:
            guard !result.standardOutput.isEmpty else { return (nil, .emptyStandardOutput(executable: plan.launch.arguments[0])) }
            return (.file(name: "stdout", contents: result.standardOutput), nil)
        case .files:
            let paths = plan.outputPaths
            return await BlockingWork.run { Self.locateOutput(paths, before: before) }
        }
    }

    /// The first output path this invocation wrote: it exists and differs from what was there before the crew started.
    static func locateOutput(_ paths: [CommandPlan.OutputPath],
                             before: [ArtifactCapture.Fingerprint?]) -> (artifact: CrewArtifact?, problem: CommandCrewError?) {
        var looked: [String] = []
        for (path, earlier) in zip(paths, before) {
            guard let now = ArtifactCapture.fingerprint(path.absolute) else {
                looked.append("\(path.written) (missing)")
                continue
            }
            guard now != earlier else {
                looked.append("\(path.written) (unchanged since before the crew started)")
                continue
            }
            do {
                return (try ArtifactCapture.capture(path.absolute, name: path.written), nil)
            } catch {
                return (nil, .cannotReadOutput(path: error.path, reason: error.reason))
            }
        }
        return (nil, .outputNotWritten(looked: looked))
    }

    /// Removes a stale trace (so an earlier run's is never read back) and makes its folder.
    private static func prepareTrace(at path: String) {
        try? FileManager.default.removeItem(atPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
}
