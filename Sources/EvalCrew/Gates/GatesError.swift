/// Why a suite's `gates:` section cannot be used. Suites with invalid gates are refused by
/// `suite check`, `gate`, `compare` and `run --gate`.
public enum GatesError: Error, Equatable, CustomStringConvertible {
    /// Every problem found in the section, in file order, with lines in the suite file.
    case invalid(path: String, problems: [SuiteProblem])

    public var path: String {
        switch self {
        case .invalid(let path, _): return path
        }
    }

    public var problems: [SuiteProblem] {
        switch self {
        case .invalid(_, let problems): return problems
        }
    }

    /// One problem per line, as `FILE:LINE: gates…: message`.
    public var description: String {
        problems.map { $0.formatted(path: path) }.joined(separator: "\n")
    }
}
