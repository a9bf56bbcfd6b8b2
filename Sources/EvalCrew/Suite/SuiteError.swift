/// Why a suite file cannot be used. A suite with any problem never starts a run.
public enum SuiteError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be read at all (missing, a folder, no permission).
    case unreadable(path: String, reason: String)
    /// The file was read but is not a valid suite: every problem found, in file order.
    case invalid(path: String, problems: [SuiteProblem])

    /// The suite file's path as given.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .invalid(let path, _): return path
        }
    }

    /// Every problem, one per line, as `FILE:LINE: case 'x': message`.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the suite file: \(reason)"
        case .invalid(let path, let problems):
            return problems.map { $0.formatted(path: path) }.joined(separator: "\n")
        }
    }

    /// The problems (for `.unreadable`, one without a line).
    public var problems: [SuiteProblem] {
        switch self {
        case .unreadable(_, let reason): return [SuiteProblem(line: nil, caseID: nil, message: "cannot read the suite file: \(reason)")]
        case .invalid(_, let problems): return problems
        }
    }
}

/// One thing wrong in a suite file, where it is and what to do about it.
public struct SuiteProblem: Error, Sendable, Equatable, Codable {
    /// 1-based line in the suite file; nil when the problem is about the whole file.
    public var line: Int?
    /// The case the problem is in, when it is in one.
    public var caseID: String?
    public var message: String

    public init(line: Int?, caseID: String?, message: String) {
        self.line = line
        self.caseID = caseID
        self.message = message
    }

    /// `FILE:LINE: case 'x': message` (the line and case when known).
    public func formatted(path: String) -> String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": "
        if let caseID { text += "case '\(caseID)': " }
        return text + message
    }
}
