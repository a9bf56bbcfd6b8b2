/// What stops a run before or while it runs (a failing case never does: it is recorded and the run goes on).
public enum RunError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--case` named ids the suite lacks.
    case unknownCases([String], suitePath: String, known: [String])
    /// `--repeat` or `--concurrency` below 1.
    case badCount(option: String, value: Int)
    /// The suite has no `crew:` and no `--replay-dir` was given.
    case noCrew(suitePath: String)
    /// A case's sources could not be read.
    case unreadableSources(caseID: String, reason: String)
    /// Two imported outputs claim the same case and repeat.
    case duplicateImport(caseID: String, repeatIndex: Int, paths: [String])
    /// The store failed while the run was going on; finished cases are kept.
    case store(StoreError)

    public var description: String {
        switch self {
        case let .unknownCases(ids, path, known):
            let list = ids.map { "'\($0)'" }.joined(separator: ", ")
            return "\(path): no case \(list) in this suite (its cases: \(known.joined(separator: ", ")))"
        case let .badCount(option, value):
            return "\(option) must be at least 1 (got \(value))"
        case let .noCrew(path):
            return "\(path): the suite has no `crew:`; add one or give recorded outputs with --replay-dir DIR"
        case let .unreadableSources(caseID, reason):
            return "case '\(caseID)': cannot read its sources: \(reason)"
        case let .duplicateImport(caseID, repeatIndex, paths):
            return "\(paths.joined(separator: " and ")) are both case '\(caseID)' repeat \(repeatIndex); name repeats <case-id>@<n>"
        case let .store(error):
            return error.description
        }
    }
}
