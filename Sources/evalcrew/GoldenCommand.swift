import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew golden`: approve a run's outputs as goldens, check a run against them.
    struct Golden: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "golden",
            abstract: "Approve a run's outputs as goldens, and check runs against them.",
            discussion: """
            Goldens are readable files under goldens/<suite>/<case>/ (post.md, blueprint.md, \
            scores.json, findings.json, golden.json), committed so that an approval shows up as a \
            diff in review. See docs/goldens.md.
            """,
            subcommands: [Approve.self, Check.self])

        struct Approve: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "approve",
                abstract: "Write a run's cases as goldens (one repeat per case).",
                discussion: """
                Each case's post, blueprint, scores and findings are written under \
                <goldens>/<suite>/<case>/, each file atomically; cases not named keep their goldens. \
                The repeat is the one closest to the case's median grounding.supported_sentence_ratio \
                (the one compare shows), or --repeat N.

                Exit codes: 0 approved; 2 usage error (no such case or repeat, a case id that cannot \
                be a folder name, a goldens folder that cannot be written); 3 no such run, a named case \
                has no scored repeat, nothing was scored, or the store cannot be used.
                """)

            @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
            var run: String

            @Option(name: .customLong("case"), parsing: .upToNextOption, help: "Approve only these case ids (several may follow).")
            var cases: [String] = []

            @Option(name: .customLong("repeat"), help: "Approve this repeat of each case instead of the median one.")
            var repeatIndex: Int?

            @Option(help: ArgumentHelp("The goldens folder.", valueName: "dir"))
            var goldens: String = Goldens.defaultRoot

            @Option(help: "Resolve latest/label within this suite (its name).")
            var suite: String?

            @OptionGroup var storeOptions: StoreOptions

            func validate() throws {
                if let repeatIndex, repeatIndex < 1 { throw ValidationError("--repeat must be 1 or more") }
            }

            func run() async throws {
                let store = try await storeOptions.open(creating: false)
                let id = try await RunLookup.resolve(run, suite: suite, store: store)
                let scores = try await storeCall { try await store.loadScores(id) }
                let approval = try await goldenCall {
                    try await GoldenApprover.approve(scores, store: store, cases: cases.isEmpty ? nil : cases,
                                                     repeatIndex: repeatIndex, root: URL(fileURLWithPath: goldens))
                }
                let folder = GoldenDisplay.folder(goldens, suite: scores.summary.suiteName)
                var lines = ["approved \(approval.approved.count) case(s) of run \(id)"
                             + (scores.summary.label.map { " (\($0))" } ?? "") + " into \(folder)/"]
                let width = approval.approved.map(\.caseID.count).max() ?? 0
                for golden in approval.approved {
                    lines.append("  \(golden.caseID.padding(toLength: width, withPad: " ", startingAt: 0))  repeat "
                                 + "\(golden.provenance.repeatIndex)  \(folder)/\(golden.caseID)/")
                }
                if !approval.skipped.isEmpty {
                    lines.append("not approved (no scored repeat): \(approval.skipped.joined(separator: ", "))")
                }
                FileHandleOutput.standardOutput(lines.joined(separator: "\n"))
                if !approval.otherScorerVersions.isEmpty {
                    FileHandleOutput.standardError("evalcrew: warning: goldens kept from earlier approvals were scored by other "
                                                   + "scorer versions (\(approval.otherScorerVersions.joined(separator: ", "))): "
                                                   + "`golden check` needs one version; re-approve them from a run scored by v\(scores.scorerVersion)")
                }
            }
        }

        struct Check: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "check",
                abstract: "Check a run against its suite's goldens.",
                discussion: """
                With compare's rules, per case: no metric worse than the golden beyond its margin and \
                the run's noise; the post's H1/H2 sections kept (same titles, same order, ignoring case \
                and spacing) in the run's median repeat; no finding the golden does not have. Cases \
                with a golden missing from the run fail; run cases without a golden are listed, not failed.

                Exit codes: 0 every case passed; 1 a case failed; 2 usage error; 3 the run or its \
                goldens cannot be evaluated (no goldens for the suite, an unreadable golden file, no \
                such run, not finished, nothing scored, scored by another scorer version than the \
                goldens, an unusable store).
                """)

            @Argument(help: "The run: id or prefix, label:NAME, latest, latest~N.")
            var run: String

            @Option(help: ArgumentHelp("The goldens folder.", valueName: "dir"))
            var goldens: String = Goldens.defaultRoot

            @Option(help: "Resolve latest/label within this suite (its name).")
            var suite: String?

            @Option(help: ArgumentHelp("The suite file whose gates give margins and directions (default: the one stored with the run).",
                                       valueName: "file"))
            var suiteFile: String?

            @OptionGroup var storeOptions: StoreOptions

            @Option(help: "Output format: text or json.")
            var format: OutputFormat = .text

            func run() async throws {
                let store = try await storeOptions.open(creating: false)
                let id = try await RunLookup.resolve(run, suite: suite, store: store)
                let scores = try await storeCall { try await store.loadScores(id) }
                // The suite's margins and directions, as `gate --baseline goldens` and `compare` use them.
                let settings = try SuiteComparisonSettings.settings(for: scores, suiteFile: suiteFile)
                let suiteName = scores.summary.suiteName
                let root = URL(fileURLWithPath: goldens)
                let folder = GoldenDisplay.folder(goldens, suite: suiteName)
                let check = try await goldenCall {
                    let cases = try Goldens.loadCases(suite: suiteName, root: root)
                    return try await GoldenChecker.check(scores, against: cases, folder: folder, store: store, settings: settings)
                }
                switch format {
                case .json: FileHandleOutput.standardOutput(try ReportJSON.encode(GoldenCheckJSON(check)))
                case .text: FileHandleOutput.standardOutput(GoldenCheckRenderer(style: .forStandardOutput()).render(check))
                }
                if !check.passed { throw ExitCode(ExitStatus.gateFailed.rawValue) }
            }
        }
    }
}

/// Runs a goldens operation; its error is printed and mapped to an exit code (2 configuration, 3 not evaluable).
func goldenCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as GoldenError {
        FileHandleOutput.standardError("evalcrew: \(error)")
        switch error {
        case .unsafeName, .writeFailed, .noSuchCase, .noSuchRepeat:
            throw ExitCode(ExitStatus.usage.rawValue)
        // Goldens missing or unreadable are a baseline that cannot be evaluated, as for `gate`.
        case .noGoldens, .malformed, .notScored, .noOutput, .cannotEvaluate, .store:
            throw ExitCode(ExitStatus.unreadableInput.rawValue)
        }
    }
}

/// Shared bits of the golden commands' output.
enum GoldenDisplay {
    /// `<goldens>/<suite>` as the user wrote the goldens folder.
    static func folder(_ root: String, suite: String) -> String {
        (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + suite
    }
}
