import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command to run as a child process, and its limits.
struct ProcessLaunch: Sendable {
    /// The program and its arguments; the program is found on the environment's PATH (see `ExecutableLookup`).
    var arguments: [String]
    /// The child's complete environment.
    var environment: [String: String]
    /// An absolute folder the child starts in.
    var workingDirectory: String
    /// Whether stdout is kept (in an unlinked temporary file) or discarded.
    var capturesStandardOutput: Bool
    /// Seconds before the group gets TERM.
    var timeout: Double
    /// Seconds between TERM and KILL.
    var killGrace: Double
}

/// How a child process ended and what it left on stdout and stderr.
struct ProcessResult: Sendable {
    enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case cancelled
    }

    var ending: Ending
    /// The leader's exit code whenever it exited (also after TERM, when it handled the signal).
    var exitCode: Int32?
    /// Everything written to stdout (empty when discarded).
    var standardOutput: Data
    /// The last `CrewOutcome.stderrTailLimit` bytes of stderr, decoded leniently.
    var standardErrorTail: String
}

/// Runs one child process in a new process group, supervising it without blocking the cooperative pool.
///
/// `posix_spawn` (not Foundation's `Process`) because only it can put the child in a process group of
/// its own: a timeout or Ctrl-C then stops the crew and every process it started, and the terminal's
/// SIGINT reaches evalcrew alone. Stdout goes straight to an unlinked temporary file (outputs can be
/// hundreds of megabytes, and nothing has to keep pace with the writer); stderr is a non-blocking pipe
/// drained by the supervising loop, which keeps only its tail. The loop polls the leader with
/// `waitid(WNOHANG)` and sleeps between polls on a Dispatch timer.
enum ChildProcess {
    /// Signals reset to their default action in the child: an ignored signal would otherwise stay
    /// ignored across exec (a crew that cannot be stopped with TERM, or dies on SIGPIPE differently).
    static let defaultedSignals: [Int32] = [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
                                            SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU]

    /// How long the loop waits for stderr to close once the leader is gone; a process that left the
    /// group (`setsid`) may hold it open forever.
    static let stderrCloseWait = 0.25

    /// Runs `launch` to its end, its timeout or the task's cancellation.
    ///
    /// - Throws: `CommandCrewError` when the process cannot be started; everything after the start is a result.
    static func run(_ launch: ProcessLaunch) async throws(CommandCrewError) -> ProcessResult {
        if Task.isCancelled {
            return ProcessResult(ending: .cancelled, exitCode: nil, standardOutput: Data(), standardErrorTail: "")
        }
        let executable = try ExecutableLookup.resolve(launch.arguments.first ?? "", searchPath: launch.environment["PATH"],
                                                      workingDirectory: launch.workingDirectory)
        let output = try openStandardOutput(capturing: launch.capturesStandardOutput)
        defer { close(output) }
        guard let errorPipe = GlibcExtensions.closeOnExecPipe() else {
            throw .cannotCapture(reason: "cannot create a pipe for stderr: \(GlibcExtensions.describe(errno))")
        }
        defer { close(errorPipe.read) }
        let flags = fcntl(errorPipe.read, F_GETFL)
        _ = fcntl(errorPipe.read, F_SETFL, flags | O_NONBLOCK)
        let leader: pid_t
        do {
            leader = try spawn(launch, executable: executable, standardOutput: output, standardError: errorPipe.write)
        } catch {
            close(errorPipe.write)
            throw error
        }
        // Only the child may hold the write end, or the pipe would never report its end.
        close(errorPipe.write)

        let group = ProcessGroup(leader: leader)
        let (ending, exitCode, errorTail) = await withTaskCancellationHandler {
            await supervise(group, standardError: errorPipe.read, launch: launch)
        } onCancel: {
            group.cancel()
        }
        let captured = launch.capturesStandardOutput
        let standardOutput = captured ? await BlockingWork.run { readAll(output) } : Data()
        return ProcessResult(ending: ending, exitCode: exitCode, standardOutput: standardOutput, standardErrorTail: errorTail)
    }

    // MARK: - Supervising

    private static func supervise(_ group: ProcessGroup, standardError: Int32,
                                  launch: ProcessLaunch) async -> (ProcessResult.Ending, Int32?, String) {
        var tail = StderrTail(descriptor: standardError, limit: CrewOutcome.stderrTailLimit)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(clamped(launch.timeout))
        var stopping: ProcessResult.Ending?
        var killAt: ContinuousClock.Instant?
        var status: Int32?
        var leaderEnded: ContinuousClock.Instant?
        var delay = 0.001
        while true {
            let readSomething = tail.drain()
            if status == nil, let ended = group.reapIfExited() {
                status = ended
                leaderEnded = clock.now
            }
            if let leaderEnded {
                if tail.reachedEnd || clock.now - leaderEnded > .seconds(stderrCloseWait) { break }
            } else if stopping == nil {
                if group.isCancelled || Task.isCancelled {
                    stopping = .cancelled
                } else if clock.now >= deadline {
                    stopping = .timedOut
                }
                if stopping != nil {
                    group.signal(SIGTERM)
                    killAt = clock.now + .seconds(clamped(launch.killGrace))
                }
            } else if let due = killAt, clock.now >= due {
                group.signal(SIGKILL)
                killAt = nil
            }
            if readSomething {
                delay = 0.001
                await Task.yield()
            } else {
                await BlockingWork.pause(seconds: delay)
                delay = min(delay * 2, 0.02)
            }
        }
        let exit = ExitStatus(waitStatus: status ?? ProcessGroup.unknownStatus)
        var exitCode: Int32?
        var ending: ProcessResult.Ending
        switch exit {
        case .exited(let code):
            exitCode = code
            ending = .exited(code)
        case .signalled(let signal):
            ending = .signalled(signal)
        }
        // The handler's TERM may end the leader before the loop notices the cancellation.
        if stopping == nil && group.isCancelled { stopping = .cancelled }
        if let stopping { ending = stopping }
        return (ending, exitCode, tail.text)
    }

    /// Seconds as a `Duration` can hold them: no NaN, no negatives, no infinity.
    private static func clamped(_ seconds: Double) -> Double {
        seconds.isNaN ? 0 : min(max(seconds, 0), 1e9)
    }

    // MARK: - Launching

    private static func spawn(_ launch: ProcessLaunch, executable: String, standardOutput: Int32,
                              standardError: Int32) throws(CommandCrewError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)
        guard GlibcExtensions.addChdir(&actions, launch.workingDirectory) != nil else {
            throw .cannotStart(executable: launch.arguments[0],
                               reason: "this C library cannot set a child's working directory (glibc 2.29 or newer is needed)")
        }
        GlibcExtensions.addClosefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)  // a new group, led by the child
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultedSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let environment = launch.environment.map { "\($0.key)=\($0.value)" }
        var leader: pid_t = 0
        let result = withCStrings(launch.arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&leader, executable, &actions, &attributes, argv, envp) }
        }
        guard result == 0 else {
            switch result {
            case ENOENT where !FileManager.default.fileExists(atPath: launch.workingDirectory):
                throw .missingWorkingDirectory(launch.workingDirectory)
            case EACCES, ENOEXEC:
                throw .cannotStart(executable: executable, reason: "\(GlibcExtensions.describe(result)); "
                                   + "a script needs a `#!` line and execute permission")
            default:
                throw .cannotStart(executable: executable, reason: GlibcExtensions.describe(result))
            }
        }
        return leader
    }

    /// Calls `body` with a NULL-terminated array of C strings.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }

    // MARK: - Standard output

    /// A descriptor for the child's stdout: an unlinked temporary file, or /dev/null.
    private static func openStandardOutput(capturing: Bool) throws(CommandCrewError) -> Int32 {
        if !capturing {
            let descriptor = open("/dev/null", O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotCapture(reason: "cannot open /dev/null: \(GlibcExtensions.describe(errno))") }
            return descriptor
        }
        let folder = FileManager.default.temporaryDirectory.path
        let path = ExecutableLookup.absolute("evalcrew-stdout-\(UUID().uuidString)", against: folder)
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotCapture(reason: "cannot create a temporary file in \(folder): \(GlibcExtensions.describe(errno))")
        }
        // Unlinked at once: the file lives as long as the descriptors, and nothing is left behind on any exit.
        unlink(path)
        return descriptor
    }

    /// Everything in the file behind `descriptor`, from its start.
    private static func readAll(_ descriptor: Int32) -> Data {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return Data() }
        var data = Data(count: Int(info.st_size))
        let count = data.withUnsafeMutableBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let read = pread(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                if read > 0 { offset += read } else if read == 0 || errno != EINTR { break }
            }
            return offset
        }
        if count < data.count { data.removeSubrange(count...) }
        return data
    }
}
