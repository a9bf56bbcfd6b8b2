import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew suite …`: work with suite files.
    struct SuiteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suite",
            abstract: "Work with suite files (the topics `evalcrew run` replays through a crew).",
            subcommands: [Check.self])

        /// `evalcrew suite check FILE`: validates a suite without running it.
        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "check",
                abstract: "Validate a suite file without running it, and summarise it.",
                discussion: """
                Checks everything a run would: the schema (docs/suite.md), unknown and duplicate keys, \
                duplicate case ids, value types, and that every source, replay and working folder the \
                suite names exists (relative to the suite file); and the gates (docs/gates.md), as \
                `gate` and `run --gate` read them. Every problem is listed as FILE:LINE: case 'ID': message.

                Exit codes: 0 valid; 2 invalid or unreadable suite.
                """)

            @Argument(help: "The suite file (YAML).")
            var file: String

            @Option(help: "Output format: text or json.")
            var format: OutputFormat = .text

            func run() throws {
                let environment = ProcessInfo.processInfo.environment
                let suite: Suite
                do {
                    suite = try SuiteLoader.load(path: file, environment: environment)
                } catch {
                    FileHandleOutput.standardError(error.description)
                    if format == .json {
                        FileHandleOutput.standardOutput(try ReportJSON.encode(CheckResult(valid: false, path: file, suite: nil, problems: error.problems)))
                    }
                    throw ExitCode(ExitStatus.usage.rawValue)
                }
                let gates: SuiteGates
                do {
                    gates = try GatesParser.gates(of: suite)
                } catch {
                    FileHandleOutput.standardError(error.description)
                    if format == .json {
                        FileHandleOutput.standardOutput(try ReportJSON.encode(CheckResult(valid: false, path: file, suite: nil, problems: error.problems)))
                    }
                    throw ExitCode(ExitStatus.usage.rawValue)
                }
                let summary = SuiteSummary(suite: suite, gates: gates, environment: environment)
                switch format {
                case .json:
                    FileHandleOutput.standardOutput(try ReportJSON.encode(CheckResult(valid: true, path: file, suite: summary, problems: [])))
                case .text:
                    FileHandleOutput.standardOutput(SuiteSummaryRenderer(style: .forStandardOutput()).render(summary))
                }
            }
        }
    }
}

/// The JSON `suite check --format json` prints: the summary when valid, the problems when not.
private struct CheckResult: Encodable {
    var valid: Bool
    var path: String
    var suite: SuiteSummary?
    var problems: [SuiteProblem]
}

/// The text form of a suite summary.
struct SuiteSummaryRenderer {
    let style: Style

    func render(_ summary: SuiteSummary) -> String {
        var lines = ["suite \(style.bold(summary.name)) — \(summary.path) (sha256 \(summary.contentHash.prefix(12))…) \(style.green("valid"))"]
        if let crew = summary.crew {
            lines.append(row("crew", "\(crew.kind): \(crew.detail)"))
        } else {
            lines.append(row("crew", style.dim("none (run with --replay-dir)")))
        }
        lines.append(row("defaults", settings(summary.defaults)))
        lines.append(row("gates", gates(summary)))
        lines.append(row("cases", "\(summary.cases.count)"))
        let idWidth = summary.cases.map(\.id.count).max() ?? 0
        for suiteCase in summary.cases {
            var detail = "“\(suiteCase.topic)”"
            if let group = suiteCase.group { detail += " · group \(group)" }
            detail += " · " + settings(suiteCase.settings, besides: summary.defaults)
            lines.append("    \(suiteCase.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(detail)")
        }
        for note in summary.notes { lines.append(row("note", style.yellow(note))) }
        return lines.joined(separator: "\n")
    }

    /// `3 rules · no-regression grounding.supported_sentence_ratio · margins …`, from `gates:`'s line.
    private func gates(_ summary: SuiteSummary) -> String {
        guard let gates = summary.gates else { return summary.gatesLine.map { "line \($0)" } ?? "none" }
        var parts = [gates.rules.joined(separator: " · ")]
        if !gates.noRegression.isEmpty { parts.append("no-regression \(gates.noRegression.joined(separator: ", "))") }
        if !gates.margins.isEmpty {
            parts.append("margins " + gates.margins.sorted { $0.key < $1.key }.map { "\($0.key) \(number($0.value))" }.joined(separator: ", "))
        }
        if !gates.directions.isEmpty {
            parts.append("directions " + gates.directions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) is better" }.joined(separator: ", "))
        }
        let origin = summary.gatesLine.map { "line \($0): " } ?? "default: "
        return origin + parts.joined(separator: " · ")
    }

    private func row(_ label: String, _ text: String) -> String {
        "  \(label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(text)"
    }

    /// The settings in words; with `defaults`, only the source count and what differs from them.
    private func settings(_ settings: SuiteSummary.SettingsSummary, besides defaults: SuiteSummary.SettingsSummary? = nil) -> String {
        var parts: [String] = []
        if let words = settings.targetWords, words != defaults?.targetWords { parts.append("\(words) words") }
        if let minutes = settings.targetMinutes, minutes != defaults?.targetMinutes { parts.append("\(number(minutes)) min") }
        if let wpm = settings.wordsPerMinute, wpm != defaults?.wordsPerMinute { parts.append("\(number(wpm)) wpm") }
        if let platform = settings.platform, platform != defaults?.platform { parts.append("platform \(platform)") }
        parts.append("\(settings.sourceFiles) source file\(settings.sourceFiles == 1 ? "" : "s")")
        if !settings.allow.isEmpty, settings.allow != defaults?.allow {
            parts.append("\(settings.allow.count) allowed term\(settings.allow.count == 1 ? "" : "s")")
        }
        if settings.timeout != defaults?.timeout { parts.append("timeout \(number(settings.timeout)) s") }
        return parts.joined(separator: " · ")
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
