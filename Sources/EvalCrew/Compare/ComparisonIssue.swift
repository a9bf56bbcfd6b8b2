/// Something about two runs that limits what their comparison can say; always reported, never dropped.
public enum ComparisonIssue: Sendable, Equatable {
    /// The runs belong to different suites: no verdicts.
    case differentSuites(a: String, b: String)
    /// Same suite name, different suite file contents (cases or settings may differ).
    case suiteChanged(aHash: String, bHash: String)
    /// Scored by different scorer versions: no verdicts until both are re-scored (`evalcrew rescore`).
    case differentScorers(a: String, b: String)
    /// Cases scored in only one run (left out of every verdict).
    case onlyInA([String])
    case onlyInB([String])
    /// Case results that were not scored (failed, timed out, unparseable, cancelled), as `case#repeat (status)`.
    case failedInA([String])
    case failedInB([String])
    /// A run that did not finish (`interrupted`, `incomplete`, `running`).
    case unfinished(run: String, status: RunStatus)

    /// Whether this issue rules out every verdict.
    public var blocksVerdicts: Bool {
        switch self {
        case .differentSuites, .differentScorers: return true
        default: return false
        }
    }

    /// One line for people.
    public var message: String {
        switch self {
        case .differentSuites(let a, let b):
            return "the runs belong to different suites (\(a) and \(b)); compare runs of one suite"
        case .suiteChanged:
            return "the suite file changed between the runs (its content hash differs): cases or settings may differ"
        case .differentScorers(let a, let b):
            return "the runs were scored by different scorer versions (\(a) and \(b)); run `evalcrew rescore` on the older run first"
        case .onlyInA(let cases):
            return "\(cases.count) case(s) only in A, left out: \(Self.list(cases))"
        case .onlyInB(let cases):
            return "\(cases.count) case(s) only in B, left out: \(Self.list(cases))"
        case .failedInA(let results):
            return "\(results.count) result(s) not scored in A: \(Self.list(results))"
        case .failedInB(let results):
            return "\(results.count) result(s) not scored in B: \(Self.list(results))"
        case .unfinished(let run, let status):
            return "run \(run) is \(status.rawValue): only its finished cases are compared"
        }
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 8 ? items.joined(separator: ", ") : items.prefix(8).joined(separator: ", ") + ", …"
    }
}
