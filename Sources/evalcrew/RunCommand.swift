import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew run`: every case of a suite through the crew, scored and stored as it finishes.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a suite through the crew; score and store every output as it finishes.",
            discussion: """
            Cases × repeats run concurrently (each repeat is its own crew invocation). A failing, hanging \
            or unreadable case is recorded with its status and error, and the run goes on. Ctrl-C stops \
            launching, stops the running crews and keeps the run, marked interrupted.

            With --gate, the suite's gates (docs/gates.md) are applied to the finished run and kept with \
            it, as `evalcrew gate` does; the no-regression gates compare against --baseline (default \
            last-passed: the latest earlier run of the suite whose gates passed).

            Exit codes: 0 every case scored; 2 usage or suite error; 3 a case failed, the run was \
            interrupted, or the store cannot be used. With --gate, in this precedence: 2 usage or \
            configuration error (invalid gates included, found before any crew runs); 3 the run or its \
            baseline cannot be evaluated (interrupted, every case failed, a baseline that is missing or of \
            another suite, an unusable store); 1 a gate failed (a case not scored fails run.failed_cases); \
            0 every gate passed.
            """)

        @Argument(help: "The suite file (suites/*.yaml).")
        var suite: String

        @Option(help: "A label for the run (name it later as label:NAME).")
        var label: String?

        @Option(name: .customLong("repeat"), help: "Crew invocations per case.")
        var repeats: Int = 1

        @Option(help: "Crew invocations at once.")
        var concurrency: Int = 4

        @Option(name: .customLong("case"), parsing: .upToNextOption, help: "Run only these case ids (several may follow).")
        var cases: [String] = []

        @Option(name: .customLong("meta"), parsing: .upToNextOption, help: "Metadata to keep with the run, as key=value (several may follow).")
        var metadata: [String] = []

        @Option(help: "Replay recorded outputs from this folder instead of calling the crew.")
        var replayDir: String?

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "Output format of the summary: text or json.")
        var format: OutputFormat = .text

        @Flag(help: "Apply the suite's gates to the finished run and keep the result with it (exit 1 when a gate fails).")
        var gate = false

        @Option(help: ArgumentHelp("With --gate: the baseline of no-regression gates: a run (id, label:NAME, latest~N), last-passed or goldens.",
                                   discussion: "Default: last-passed.", valueName: "run"))
        var baseline: String?

        func validate() throws {
            _ = try MetadataPairs.parse(metadata)
            if baseline != nil && !gate { throw ValidationError("--baseline applies to --gate; add --gate or leave --baseline out") }
        }

        func run() async throws {
            let suite = try SuiteFile.load(self.suite)
            // Gates and their baseline are checked before any crew runs: a configuration error costs nothing.
            var gating: (gates: SuiteGates, baseline: GateCheck.PreparedBaseline)?
            if gate {
                let gates = try GateCheck.gates(of: suite)
                gating = (gates, try GateCheck.prepareBaseline(try GateCheck.baselineChoice(baseline), suite: suite))
                try await checkNamedBaseline(gating?.baseline, suite: suite)
            }
            let plan: RunPlan
            let adapter: any CrewAdapter
            let scorer: CaseScorer
            do {
                let spec = try replaySpec() ?? suite.crew ?? { throw RunError.noCrew(suitePath: suite.path) }()
                let environment = ProcessInfo.processInfo.environment
                if case .command(let command) = spec {
                    let unset = command.unsetVariables(in: environment)
                    guard unset.isEmpty else {
                        throw ValidationError("\(suite.path): the crew's command uses \(unset.map { "${\($0)}" }.joined(separator: ", ")), "
                                              + "not set in this environment; set \(unset.count == 1 ? "it" : "them") before `evalcrew run`")
                    }
                }
                adapter = CrewAdapters.adapter(for: spec, suite: suite, environment: environment)
                var meta = try MetadataPairs.parse(metadata)
                if meta["git_revision"] == nil, let revision = await CrewAdapters.gitRevision(for: spec, suite: suite) {
                    meta["git_revision"] = revision
                }
                plan = try RunPlan(suite: suite, label: label, repeats: repeats, concurrency: concurrency, caseIDs: cases,
                                   metadata: meta)
                let sources = try CaseSources(cases: plan.cases)
                for path in sources.skipped {
                    FileHandleOutput.standardError("evalcrew: warning: skipped '\(path)' in the sources: not UTF-8 text")
                }
                scorer = CaseScorer(sources: sources)
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let store = try await storeOptions.open(creating: true)
            let traceDirectory = FileManager.default.temporaryDirectory
                .appendingPathComponent("evalcrew-traces-\(ProcessInfo.processInfo.processIdentifier)").path
            try? FileManager.default.createDirectory(atPath: traceDirectory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: traceDirectory) }

            let runner = SuiteRunner(plan: plan, adapter: adapter, store: store, scorer: scorer, traceDirectory: traceDirectory)
            let printer = RunProgressPrinter()
            let task = Task { try await runner.run(progress: printer.handle) }
            let interrupts = InterruptHandler { task.cancel() }
            let outcome: SuiteRunner.Outcome
            do {
                outcome = try await task.value
            } catch {
                printer.finish()
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
            withExtendedLifetime(interrupts) {}
            printer.finish()
            guard let gating else {
                print(outcome, plan: plan, gates: nil)
                if outcome.status != .completed || outcome.counts.failed > 0 {
                    throw ExitCode(ExitStatus.unreadableInput.rawValue)
                }
                return
            }
            let scores = try await storeCall { try await store.loadScores(outcome.runID) }
            let checked = try await GateCheck.check(scores, suite: suite, gates: gating.gates, baseline: gating.baseline, store: store)
            print(outcome, plan: plan, gates: checked)
            if checked.exitStatus != ExitStatus.success.rawValue { throw ExitCode(checked.exitStatus) }
        }

        /// `--replay-dir`, relative to the current folder (it is a command-line path, not a suite path).
        private func replaySpec() throws -> CrewSpec? {
            guard let replayDir else { return nil }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: replayDir, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--replay-dir \(replayDir): no such folder (recordings are <case-id>[@n].<ext> files in it)")
            }
            let absolute = replayDir.hasPrefix("/") ? replayDir : FileManager.default.currentDirectoryPath + "/" + replayDir
            return .replay(ReplayCrewSpec(directory: absolute))
        }

        /// A baseline named by id or label must exist before any crew runs (exit 3): a run costs money.
        /// `latest~N` is left to after the run, where it counts the new run as `latest`.
        private func checkNamedBaseline(_ baseline: GateCheck.PreparedBaseline?, suite: Suite) async throws {
            guard case .run(let reference)? = baseline else { return }
            switch reference {
            case .id, .label:
                guard storeOptions.exists else {
                    FileHandleOutput.standardError("evalcrew: --baseline \(reference): there is no run store at '\(storeOptions.path)' yet, so no such run")
                    throw ExitCode(ExitStatus.unreadableInput.rawValue)
                }
                let store = try await storeOptions.open(creating: false)
                let scope: String? = if case .id = reference { nil } else { suite.name }
                _ = try await storeCall { try await store.resolve(reference, suite: scope) }
                await store.close()
            default:
                return
            }
        }

        private func print(_ outcome: SuiteRunner.Outcome, plan: RunPlan, gates: GateCheck.Outcome?) {
            let table = RunTable(results: outcome.results)
            switch format {
            case .json:
                var json = RunOutcomeJSON(outcome, plan: plan, table: table)
                json.gates = gates?.json
                do {
                    FileHandleOutput.standardOutput(try ReportJSON.encode(json))
                } catch {
                    FileHandleOutput.standardError("evalcrew: cannot write the run's summary as JSON: \(error)")
                }
            case .text:
                let style = Style.forStandardOutput()
                var lines = ["", RunTableRenderer(style: style).render(table), ""]
                let counts = outcome.counts
                var verdict = "run \(outcome.runID) (\(plan.suite.name)\(plan.label.map { ", label \($0)" } ?? "")): "
                verdict += "\(counts.scored)/\(counts.total) scored"
                if counts.failed > 0 { verdict += ", \(counts.failed) not scored" }
                if outcome.status == .interrupted { verdict += ", interrupted (\(counts.total - counts.finished) never finished)" }
                lines.append(outcome.status == .completed && counts.failed == 0 ? style.green(verdict) : style.red(verdict))
                lines.append(style.dim("see it with `evalcrew runs show \(outcome.runID)`"))
                if let gates { lines += ["", gates.text(style: style)] }
                FileHandleOutput.standardOutput(lines.joined(separator: "\n"))
            }
        }
    }
}

/// `--meta k=v` pairs.
enum MetadataPairs {
    static func parse(_ items: [String]) throws -> [String: String] {
        var pairs: [String: String] = [:]
        for item in items {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ValidationError("--meta takes key=value pairs, got '\(item)'")
            }
            pairs[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        return pairs
    }
}

/// Loads a suite for a command; an invalid suite prints every problem and exits 2.
enum SuiteFile {
    static func load(_ path: String) throws -> Suite {
        do {
            return try SuiteLoader.load(path: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandleOutput.standardError("evalcrew: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}

/// The machine-readable summary of `run --format json`.
struct RunOutcomeJSON: Encodable {
    let runID: String
    let suite: String
    let label: String?
    let status: String
    let total, scored, failed: Int
    let cases: [CaseJSON]
    /// With `--gate`: the gate check.
    var gates: GateReportJSON?

    struct CaseJSON: Encodable {
        let caseID: String
        let `repeat`: Int
        let status: String
        let durationSeconds: Double
        let error: String?
        let primaryMetrics: [String: Double?]
    }

    init(_ outcome: SuiteRunner.Outcome, plan: RunPlan, table: RunTable) {
        runID = outcome.runID
        suite = plan.suite.name
        label = plan.label
        status = outcome.status.rawValue
        total = outcome.counts.total
        scored = outcome.counts.scored
        failed = outcome.counts.failed
        cases = outcome.results.map { result in
            CaseJSON(caseID: result.caseID, repeat: result.repeatIndex, status: result.status.rawValue,
                     durationSeconds: result.duration, error: result.error,
                     primaryMetrics: Dictionary(uniqueKeysWithValues: result.primaryMetrics.map { ($0.metric, $0.value) }))
        }
    }
}
