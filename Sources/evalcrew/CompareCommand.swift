import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew compare A B`: whether B got better or worse than A, per metric and per case, beyond noise.
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare two stored runs: verdicts per metric, changes per case, rules, findings and post diffs.",
            discussion: """
            A is the baseline, B the candidate. The first line gives one verdict per scorer's primary \
            metric (and per --metric): REGRESSED or IMPROVED when the paired 95% interval of the \
            per-case differences lies beyond the metric's margin, NO CHANGE when it lies within it, \
            INCONCLUSIVE otherwise (with the cases needed to tell), NO VERDICT with fewer than 2 shared \
            cases. Per case, labels (worse, better, within noise) are descriptive: with 1–5 repeats no \
            single case can be significant. See docs/compare.md.

            Runs are named by id (or a unique prefix), label:NAME, latest or latest~N (within --suite). \
            --format markdown, html and junit write the reports of `evalcrew report B --compare A`.

            Exit codes: 0 compared (whatever the verdicts; gates decide pass or fail: `evalcrew gate`); \
            2 usage error; 3 a run cannot be evaluated (missing, another suite, different scorer \
            versions, interrupted or incomplete, every case failed) or the store cannot be used.
            """)

        @Argument(help: "The baseline run (A).")
        var baseline: String

        @Argument(help: "The candidate run (B).")
        var candidate: String

        @Option(name: .customLong("metric"), help: ArgumentHelp("Also give a verdict on this metric (or scorer); repeatable.", valueName: "name"))
        var metrics: [String] = []

        @Option(help: "Output format: text, json, markdown, html (a self-contained report) or junit.")
        var format: CompareFormat = .text

        @Option(help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "file"))
        var out: String?

        @Option(help: "Resolve latest/label within this suite (its name).")
        var suite: String?

        @Option(help: ArgumentHelp("The suite file whose gates give margins and extra metrics (default: the one stored with B).",
                                   valueName: "file"))
        var suiteFile: String?

        @Option(help: ArgumentHelp("Post diffs to show in text output: the most-changed cases first (0 for none).", valueName: "n"))
        var diffs: Int = 3

        @Flag(help: "List every shared case in text output, also those within noise on every metric.")
        var allCases = false

        @Flag(help: "Add a paired bootstrap interval (10,000 resamples) to verdicts with at least 30 cases.")
        var bootstrap = false

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            for name in metrics where MetricCatalogue.definition(name) == nil && MetricCatalogue.primary[name] == nil {
                let known = MetricCatalogue.all.map(\.name) + MetricCatalogue.primary.keys.sorted()
                let suggestion = KeySuggestion.closest(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
                throw ValidationError("unknown metric '\(name)': \(suggestion)`evalcrew metrics` lists them (a scorer's name stands for its primary metric)")
            }
            if diffs < 0 { throw ValidationError("--diffs takes 0 or more") }
        }

        func run() async throws {
            let store = try await storeOptions.open(creating: false)
            let idA = try await RunLookup.resolve(baseline, suite: suite, store: store)
            let idB = try await RunLookup.resolve(candidate, suite: suite, store: store)
            // Each run is read on a connection of its own, so the two reads overlap (WAL lets readers share).
            let second = try await storeOptions.open(creating: false)
            async let loadA = storeCall { try await store.loadScores(idA) }
            async let loadB = storeCall { try await second.loadScores(idB) }
            let (scoresA, scoresB) = try await (loadA, loadB)
            await second.close()
            var settings = try SuiteComparisonSettings.settings(for: scoresB, suiteFile: suiteFile).adding(metrics)
            settings.bootstrap = bootstrap
            let comparison = RunComparer.compare(scoresA, scoresB, settings: settings)
            if idA == idB {
                FileHandleOutput.standardError("evalcrew: note: A and B are the same run (\(idA)): every difference is zero")
            }

            let output: Data
            switch format {
            case .text:
                let shown = ComparisonTextRenderer.diffCases(comparison, limit: diffs)
                let postDiffs = try await storeCall { try await PostDiff.load(shown, of: comparison, from: store) }
                let style = out == nil ? Style.forStandardOutput() : Style(enabled: false)
                output = Data(ComparisonTextRenderer(style: style).render(comparison, diffs: postDiffs, diffLimit: diffs, allCases: allCases).utf8)
            case .json:
                let postDiffs = try await storeCall { try await PostDiff.load(comparison.changedCases, of: comparison, from: store) }
                output = try ComparisonJSON.encode(comparison, diffs: postDiffs) + Data("\n".utf8)
            case .markdown, .html, .junit:
                // The reports read both runs whole (posts, blueprints, evidence) and render this same comparison.
                // B's latest gate check belongs in the report only when it was made against A.
                let gates = try await storeCall { try await store.latestGateCheck(of: idB) }
                let input = try await storeCall {
                    try await RunReportLoader.load(idB, baseline: idA, store: store, comparison: comparison,
                                                   gates: gates?.baseline == idA ? gates : nil)
                }
                output = try ReportRendering.render(format == .html ? .html : format == .junit ? .junit : .markdown, input)
            }
            try write(output)
            if let reason = Self.unevaluable(comparison, scoresA, scoresB) {
                FileHandleOutput.standardError("evalcrew: \(reason)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
        }

        private func write(_ output: Data) throws {
            guard let out else {
                FileHandle.standardOutput.write(output)
                return
            }
            do {
                try output.write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                FileHandleOutput.standardError("evalcrew: cannot write '\(out)': \(error.localizedDescription)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
        }

        /// Output formats of `compare`: its own text and JSON, and the report formats.
        enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown, html, junit
        }

        /// Why this comparison cannot stand as an evaluation (exit 3), if it cannot.
        static func unevaluable(_ comparison: RunComparison, _ a: RunScores, _ b: RunScores) -> String? {
            if let blocking = comparison.issues.first(where: \.blocksVerdicts) { return blocking.message }
            for (name, run) in [("A", a), ("B", b)] {
                if run.summary.status != .completed {
                    return "run \(name) (\(run.summary.id)) is \(run.summary.status.rawValue): its verdicts cover only its finished cases"
                }
                if run.summary.scoredResults == 0 { return "run \(name) (\(run.summary.id)) has no scored case" }
            }
            return nil
        }
    }
}
