import Foundation

/// Resolves the paths a suite names against the suite file's folder.
///
/// `~/` is the home folder and `${VAR}` is read from the environment, so a suite can point at a
/// corpus that lives elsewhere on each machine.
struct SuitePaths {
    /// The suite file's folder as given (relative to the current directory, or absolute); "" for the current one.
    var baseDirectory: String
    var environment: [String: String]

    init(suitePath: String, environment: [String: String]) {
        let folder = (suitePath as NSString).deletingLastPathComponent
        self.baseDirectory = folder
        self.environment = environment
    }

    /// Why a written path could not be resolved.
    enum Failure: Error, Equatable {
        case unsetVariable(String)
        case unclosedVariable
        case noHome
    }

    /// `written` with `${VAR}` and `~` expanded, joined to the suite's folder when relative, without
    /// `.` and `..` steps. Glob characters in the suite's folder are escaped when `written` is a glob.
    func resolve(_ written: String) throws(Failure) -> String {
        var path = try expandVariables(written)
        if path == "~" || path.hasPrefix("~/") {
            guard let home = environment["HOME"], !home.isEmpty else { throw .noHome }
            path = home + path.dropFirst()
        }
        if path.hasPrefix("/") { return Self.normalise(path) }
        let base = Self.isGlob(path) ? Self.escapeGlob(baseDirectory) : baseDirectory
        return Self.normalise(base.isEmpty ? path : base + "/" + path)
    }

    /// `resolve(written)` as an absolute path (for working and replay folders, which adapters use as they are).
    func resolveAbsolute(_ written: String) throws(Failure) -> String {
        let resolved = try resolve(written)
        if resolved.hasPrefix("/") { return resolved }
        return Self.normalise(FileManager.default.currentDirectoryPath + "/" + resolved)
    }

    private func expandVariables(_ text: String) throws(Failure) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { throw .unclosedVariable }
            let name = String(rest[open.upperBound..<close])
            guard let value = environment[name] else { throw .unsetVariable(name) }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func isGlob(_ path: String) -> Bool { path.contains { "*?[".contains($0) } }

    private static func escapeGlob(_ path: String) -> String {
        var escaped = ""
        for character in path {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Removes `.` steps, empty steps and `..` after a named step; keeps a leading `..` of a relative path.
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
