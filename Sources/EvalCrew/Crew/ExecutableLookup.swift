import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the program of a command the way `execvp` does, but on the crew's own PATH.
///
/// The crew's PATH (evalcrew's, or the suite's `env: {PATH: …}`) is searched rather than
/// evalcrew's, so a suite can put a virtual environment's `bin` first. A name holding a `/` is a
/// path (`CommandPlan` has made a relative one absolute against the suite file's folder); relative
/// PATH entries are relative to the working directory (an empty one is the working directory itself).
enum ExecutableLookup {
    /// The search path when the environment has no PATH (glibc's default).
    static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The absolute path of the executable for `name`.
    static func resolve(_ name: String, searchPath: String?, workingDirectory: String) throws(CommandCrewError) -> String {
        if name.contains("/") {
            let path = lexicallyNormalized(absolute(name, against: workingDirectory))
            guard isRegularFile(path) else {
                throw .cannotStart(executable: name, reason: "no such file (looked at \(path))")
            }
            guard access(path, X_OK) == 0 else { throw .notExecutable(path: path) }
            return path
        }
        let searchPath = searchPath ?? defaultSearchPath
        var notExecutable: String?
        for entry in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let folder = absolute(entry.isEmpty ? "." : String(entry), against: workingDirectory)
            let candidate = folder + "/" + name
            guard isRegularFile(candidate) else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            notExecutable = notExecutable ?? candidate
        }
        if let notExecutable { throw .notExecutable(path: notExecutable) }
        throw .executableNotFound(name: name, searchPath: searchPath)
    }

    static func absolute(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") ? path : (folder.hasSuffix("/") ? folder + path : folder + "/" + path)
    }

    /// `/a/./b/../c` → `/a/c`, by the text alone. Never `standardizingPath`: on Linux it resolves
    /// symbolic links, and a virtual environment's `bin/python` is a link whose target runs without
    /// the environment's packages.
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty && parts.last != ".." { parts.removeLast() } else if !path.hasPrefix("/") { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
