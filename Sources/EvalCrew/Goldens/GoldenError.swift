/// What can go wrong approving goldens or checking a run against them, with what to do about it.
public enum GoldenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A suite name or case id that cannot be one folder name (`../x`, `a/b`, empty, hidden).
    case unsafeName(what: String, name: String)
    /// No goldens at all for the suite.
    case noGoldens(suite: String, folder: String)
    /// A golden file that is missing or does not read.
    case malformed(path: String, reason: String)
    /// A golden file could not be written.
    case writeFailed(path: String, reason: String)
    /// `--case` named a case the run does not hold.
    case noSuchCase(caseID: String, run: RunID, known: [String])
    /// `--repeat` named a repeat a case does not have scored.
    case noSuchRepeat(caseID: String, repeatIndex: Int, scored: [Int])
    /// A case named with `--case` has no scored repeat to approve.
    case notScored(caseID: String, run: RunID)
    /// The stored result has no parsed crew run to take the post from.
    case noOutput(caseID: String, repeatIndex: Int, run: RunID)
    /// The run cannot be checked or approved at all (unfinished, nothing scored, other scorer version).
    case cannotEvaluate(String)
    /// The run store failed.
    case store(StoreError)

    public var description: String {
        switch self {
        case .unsafeName(let what, let name):
            return "\(what) '\(name)' cannot name a goldens folder (it must be one plain folder name: no slash, "
                + "backslash, leading dot or control character); goldens are written only under the goldens folder"
        case .noGoldens(let suite, let folder):
            return "no goldens for suite '\(suite)' in \(folder): approve a run first with "
                + "`evalcrew golden approve RUN` (e.g. `evalcrew golden approve label:NAME`)"
        case .malformed(let path, let reason):
            return "\(path): \(reason); re-approve the case with `evalcrew golden approve RUN --case ID`"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .noSuchCase(let caseID, let run, let known):
            return "run \(run) has no case '\(caseID)' (its cases: \(known.joined(separator: ", ")))"
        case .noSuchRepeat(let caseID, let repeatIndex, let scored):
            return "case '\(caseID)' has no scored repeat \(repeatIndex) (scored repeats: "
                + "\(scored.map(String.init).joined(separator: ", "))); leave out --repeat to take the median one"
        case .notScored(let caseID, let run):
            return "case '\(caseID)' has no scored repeat in run \(run): there is no output to approve"
        case .noOutput(let caseID, let repeatIndex, let run):
            return "case '\(caseID)' repeat \(repeatIndex) of run \(run) has no stored crew output to take the post from"
        case .cannotEvaluate(let reason):
            return reason
        case .store(let error):
            return "\(error)"
        }
    }
}
