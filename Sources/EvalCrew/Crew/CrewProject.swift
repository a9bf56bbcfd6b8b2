import Foundation

/// Facts about a crew's project recorded with each run.
public enum CrewProject {
    /// Seconds each git command may take; a hung git (a network mount, a lock) never holds up a run.
    static let gitTimeout = 5.0

    /// The project's git revision: the HEAD commit, with `-dirty` when tracked files have uncommitted
    /// changes (untracked files do not count, as with `git describe --dirty`). Nil when `directory` is
    /// not in a git work tree, has no commit yet, or git is not installed.
    public static func gitRevision(directory: String) async -> String? {
        guard let head = await git(["rev-parse", "--verify", "HEAD"], in: directory),
              head.count == 40 || head.count == 64, head.allSatisfy(\.isHexDigit) else { return nil }
        guard let changes = await git(["status", "--porcelain", "--untracked-files=no"], in: directory) else { return nil }
        return changes.isEmpty ? head : head + "-dirty"
    }

    /// Git's trimmed stdout, or nil when git cannot start, fails or times out.
    private static func git(_ arguments: [String], in directory: String) async -> String? {
        var environment = ProcessInfo.processInfo.environment
        // A read-only query: never take the index lock a concurrent git in the project might need.
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        let absolute = ExecutableLookup.absolute(directory, against: FileManager.default.currentDirectoryPath)
        let launch = ProcessLaunch(arguments: ["git", "-C", absolute] + arguments, environment: environment,
                                   workingDirectory: absolute, capturesStandardOutput: true, timeout: gitTimeout, killGrace: 1)
        guard let result = try? await ChildProcess.run(launch), result.ending == .exited(0) else { return nil }
        return String(decoding: result.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
