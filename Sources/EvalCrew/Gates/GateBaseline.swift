/// What the relative gates of a check compare against.
public enum GateBaseline: Sendable {
    /// No baseline exists yet (no earlier run of the suite passed its gates): relative gates pass,
    /// and say so. `reason` is shown with them.
    case noneYet(reason: String)
    /// The baseline (A) compared with the gated run (B); `name` is what the check records (a run id, or `goldens`).
    case compared(name: String, RunComparison)
}

/// How a user names the baseline of `gate` and `run --gate`.
public enum BaselineChoice: Sendable, Equatable, CustomStringConvertible {
    /// The latest earlier run of the suite whose latest gate check passed (the default).
    case lastPassed
    /// The approved goldens of the suite (`goldens/<suite>/`).
    case goldens
    /// A run: id or prefix, `label:NAME`, `latest`, `latest~N`.
    case run(RunReference)

    /// Parses `last-passed`, `goldens` or a run reference.
    public init(parsing text: String) throws(StoreError) {
        switch text {
        case "last-passed": self = .lastPassed
        case "goldens": self = .goldens
        default:
            do {
                self = .run(try RunReference(parsing: text))
            } catch {
                throw .badReference(text, "a baseline is a run (id or prefix, label:NAME, latest, latest~N), last-passed or goldens")
            }
        }
    }

    public var description: String {
        switch self {
        case .lastPassed: return "last-passed"
        case .goldens: return "goldens"
        case .run(let reference): return reference.description
        }
    }
}
