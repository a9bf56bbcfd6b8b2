import EvalCrew
import Foundation

/// `runs list` as aligned text.
struct RunListRenderer {
    let style: Style

    func render(_ runs: [RunSummary]) -> String {
        var rows = [["id", "suite", "label", "status", "started", "cases", "scorers"]]
        for run in runs {
            rows.append([run.id, run.suiteName, run.label ?? "–", run.status.rawValue, Timestamps.short(run.startedAt),
                         "\(run.scoredResults)/\(run.plannedResults)", "v\(run.scorerVersion)"])
        }
        return Table.render(rows, style: style)
    }
}

/// `runs show` as text: the run's header, its summary table, and what went wrong per case.
struct RunShowRenderer {
    let style: Style

    func render(_ run: StoredRun) -> String {
        let summary = run.summary
        var lines = [style.bold("run \(summary.id)") + " · suite \(summary.suiteName)" + (summary.label.map { " · label \($0)" } ?? "")]
        var status = "  status     \(summary.status.rawValue), \(summary.scoredResults)/\(summary.plannedResults) scored"
        if summary.results < summary.plannedResults { status += ", \(summary.plannedResults - summary.results) never finished" }
        lines.append(status)
        var time = "  started    \(Timestamps.short(summary.startedAt))"
        if let ended = summary.endedAt {
            time += ", took \(MetricFormatting.duration(ended.timeIntervalSince(summary.startedAt)))"
        }
        lines.append(time)
        lines.append("  suite      \(Paths.relativeToCurrentFolder(run.suitePath)) (sha256 \(run.suiteHash.prefix(12)))")
        lines.append("  versions   evalcrew \(run.evalcrewVersion), scorers v\(summary.scorerVersion)" +
                     (run.scorings.count > 1 ? " (scoring \(run.scorings.count) of \(run.scorings.count); rescored \(Timestamps.short(run.scorings.last!.scoredAt)))" : ""))
        for (key, value) in run.metadata.sorted(by: { $0.key < $1.key }) {
            lines.append("  meta       \(key)=\(value)")
        }
        lines.append("")
        lines.append(RunTableRenderer(style: style).render(RunTable(results: run.cases.map(CaseDigest.init))))
        let problems = run.cases.filter { $0.status != .scored }
        if !problems.isEmpty {
            lines.append("")
            lines.append(style.bold("not scored") + style.dim(" (\(problems.count))"))
            for result in problems {
                var line = "  \(result.caseID)@\(result.repeatIndex) " + style.red(result.status.rawValue)
                if let code = result.exitCode { line += " (exit \(code))" }
                line += ": " + (result.error ?? "no detail")
                lines.append(line)
                let tail = result.stderrTail.split(separator: "\n", omittingEmptySubsequences: true).suffix(3)
                for stderrLine in tail { lines.append(style.dim("      stderr: \(stderrLine)")) }
            }
        }
        let findings = run.cases.compactMap(\.report).flatMap(\.findings)
        if !findings.isEmpty {
            lines.append("")
            let counts: [(kind: String, count: Int)] = Dictionary(grouping: findings, by: \.kind).map { (kind: $0.key, count: $0.value.count) }
            let byKind = counts.sorted { a, b in a.count != b.count ? a.count > b.count : a.kind < b.kind }
            let listed = byKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
            lines.append(style.bold("findings") + style.dim(" over all cases: ") + listed)
        }
        return lines.joined(separator: "\n")
    }
}

/// Paths as users typed them: relative to the current folder when inside it.
enum Paths {
    static func relativeToCurrentFolder(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Aligned columns with a bold header.
enum Table {
    static func render(_ rows: [[String]], style: Style) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.enumerated().map { index, cells in
            let line = cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            return index == 0 ? style.bold(line) : line
        }.joined(separator: "\n")
    }
}

/// Times as users read them: local time to the minute for lists, ISO 8601 in JSON.
///
/// The formatter is made once: making one costs more than formatting a date, and `runs list`
/// formats a thousand.
enum Timestamps {
    private static let shortFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    static func short(_ date: Date) -> String { shortFormat.string(from: date) }

    static func iso(_ date: Date) -> String { date.ISO8601Format() }
}

/// `runs list --format json`.
struct RunSummaryJSON: Encodable {
    let id, suite, status, startedAt, scorerVersion: String
    let label, endedAt: String?
    let results, scoredResults, plannedResults: Int

    init(_ run: RunSummary) {
        id = run.id
        suite = run.suiteName
        status = run.status.rawValue
        startedAt = Timestamps.iso(run.startedAt)
        scorerVersion = run.scorerVersion
        label = run.label
        endedAt = run.endedAt.map(Timestamps.iso)
        results = run.results
        scoredResults = run.scoredResults
        plannedResults = run.plannedResults
    }
}

/// `runs show --format json`: the run, and per case its status and score report (outputs stay in the store).
struct StoredRunJSON: Encodable {
    let run: RunSummaryJSON
    let suitePath, suiteHash, evalcrewVersion: String
    let metadata: [String: String]
    let scorings: [Scoring]
    let cases: [Case]

    struct Scoring: Encodable {
        let number: Int
        let scorerVersion, evalcrewVersion, scoredAt: String
    }

    struct Case: Encodable {
        let caseID: String
        let group: String?
        let `repeat`: Int
        let status: String
        let durationSeconds: Double
        let exitCode: Int32?
        let error: String?
        let stderrTail: String?
        let outputBytes: Int?
        let hasTrace: Bool
        let report: ScoreReport?
    }

    /// `only` narrows the cases (`runs show --case`).
    init(_ stored: StoredRun, only: [CaseResult]? = nil) {
        run = RunSummaryJSON(stored.summary)
        suitePath = stored.suitePath
        suiteHash = stored.suiteHash
        evalcrewVersion = stored.evalcrewVersion
        metadata = stored.metadata
        scorings = stored.scorings.map {
            Scoring(number: $0.number, scorerVersion: $0.scorerVersion, evalcrewVersion: $0.evalcrewVersion,
                    scoredAt: Timestamps.iso($0.scoredAt))
        }
        cases = (only ?? stored.cases).map {
            Case(caseID: $0.caseID, group: $0.group, repeat: $0.repeatIndex, status: $0.status.rawValue,
                 durationSeconds: $0.duration, exitCode: $0.exitCode, error: $0.error,
                 stderrTail: $0.stderrTail.isEmpty ? nil : $0.stderrTail, outputBytes: $0.output?.byteCount,
                 hasTrace: $0.trace != nil, report: $0.report)
        }
    }
}
