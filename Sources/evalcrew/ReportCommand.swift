import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew report`: writes a stored run's HTML, JUnit and Markdown reports.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a run's reports: self-contained HTML, JUnit XML, a Markdown summary.",
            discussion: """
            The HTML report shows the run, the verdicts against --compare BASE, the trend over the \
            suite's last runs, and every case with its scores, its blueprint-vs-post section table and \
            its post with each finding highlighted beside the nearest source passage. JUnit has one \
            testcase per case (failed: a repeat not scored, an error finding, or worse than the baseline \
            on a verdict metric) and one per gate of the run's latest gate check. With no --html, --junit or --markdown the Markdown summary is printed. \
            See docs/reports.md.

            Exit codes: 0 written; 2 usage error; 3 no such run, the store or a file cannot be used, or \
            libxml2 (for --html) cannot be opened.
            """)

        @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
        var run: String

        @Option(name: .customLong("compare"), help: ArgumentHelp("Compare with this baseline run (same references; default: the baseline of the run's latest gate check, if any).", valueName: "run"))
        var baseline: String?

        @Option(help: ArgumentHelp("Write the HTML report here (e.g. reports/run.html).", valueName: "file"))
        var html: String?

        @Option(help: ArgumentHelp("Write JUnit XML here.", valueName: "file"))
        var junit: String?

        @Option(help: ArgumentHelp("Write the Markdown summary here (- for standard output).", valueName: "file"))
        var markdown: String?

        @Option(help: "Resolve latest/label within this suite (its name).")
        var suite: String?

        @Option(help: ArgumentHelp("The suite file whose gates give margins and extra metrics (default: the one stored with the run).",
                                   valueName: "file"))
        var suiteFile: String?

        @Option(help: "Runs shown in the trend chart (0: none).")
        var trend: Int = RunReportLoader.defaultTrendRuns

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if trend < 0 { throw ValidationError("--trend must be 0 or more") }
        }

        func run() async throws {
            let store = try await storeOptions.open(creating: false)
            let id = try await RunLookup.resolve(run, suite: suite, store: store)
            let gates = try await storeCall { try await store.latestGateCheck(of: id) }
            var baselineID: RunID? = if let baseline { try await RunLookup.resolve(baseline, suite: suite, store: store) } else { nil }
            // Without --compare, a gated run is compared with the run its gates were checked against.
            if baseline == nil, let gated = gates?.baseline {
                if gated == "goldens" {
                    FileHandleOutput.standardError("evalcrew: note: the run's gates were checked against the goldens; the report compares "
                                                   + "with runs only (`evalcrew golden check RUN` compares with the goldens; --compare RUN for a run)")
                } else {
                    do {
                        let id = try await store.resolve(.id(gated), suite: nil)
                        baselineID = id
                        FileHandleOutput.standardError("evalcrew: comparing with \(id), the baseline of the run's latest gate check (--compare RUN for another)")
                    } catch {
                        FileHandleOutput.standardError("evalcrew: note: the baseline of the run's latest gate check, \(gated), cannot be read "
                                                       + "(\(error)); the report has no comparison (--compare RUN for one)")
                    }
                }
            }
            // The suite's margins matter only when comparing; a --suite-file given is checked either way.
            let settings = baselineID == nil && suiteFile == nil ? ComparisonSettings()
                : try SuiteComparisonSettings.settings(for: try await storeCall { try await store.loadScores(id) }, suiteFile: suiteFile)
            let input = try await storeCall {
                try await RunReportLoader.load(id, baseline: baselineID, store: store, settings: settings,
                                               gates: gates, trendRuns: trend)
            }

            if let html { try write(ReportRendering.render(.html, input), to: html) }
            if let junit { try write(ReportRendering.render(.junit, input), to: junit) }
            if let markdown, markdown != "-" {
                try write(ReportRendering.render(.markdown, input), to: markdown)
            } else if markdown == "-" || (html == nil && junit == nil) {
                FileHandleOutput.standardOutput(MarkdownSummary.render(input))
            }
        }

        /// Writes a report file (its folder made when missing) and says so on standard error.
        private func write(_ data: Data, to path: String) throws {
            let url = URL(fileURLWithPath: path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                FileHandleOutput.standardError("evalcrew: cannot write '\(path)': \(error.localizedDescription)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
            FileHandleOutput.standardError("wrote \(path) (\(data.count.formatted()) bytes)")
        }
    }
}

/// Renders a report input in one of the report formats; an HTML report without libxml2 exits 3.
enum ReportRendering {
    enum Format {
        case markdown, html, junit
    }

    static func render(_ format: Format, _ input: RunReportInput) throws -> Data {
        switch format {
        case .html:
            do {
                return try HTMLReport.render(input)
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
        case .junit: return JUnitReport.render(input)
        case .markdown: return Data(MarkdownSummary.render(input).utf8)
        }
    }
}
