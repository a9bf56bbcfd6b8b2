import ArgumentParser
import EvalCrew
import Foundation

/// Applying a suite's gates to a stored run, shared by `gate` and `run --gate`: the suite's gates,
/// the baseline, the check, storing it, printing it and the exit code.
enum GateCheck {
    /// A baseline named on the command line, made ready before anything runs.
    enum PreparedBaseline {
        case lastPassed
        case run(RunReference)
        case goldens(RunScores)
    }

    /// The suite's gates; invalid gates print every problem and exit 2.
    static func gates(of suite: Suite) throws -> SuiteGates {
        do {
            return try GatesParser.gates(of: suite)
        } catch {
            FileHandleOutput.standardError(error.description)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    /// Parses `--baseline` (default `last-passed`); a malformed one exits 2.
    static func baselineChoice(_ text: String?) throws -> BaselineChoice {
        do {
            return try BaselineChoice(parsing: text ?? "last-passed")
        } catch {
            FileHandleOutput.standardError("evalcrew: --baseline: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    /// The baseline made ready before anything runs: goldens that cannot be loaded exit 2.
    static func prepareBaseline(_ choice: BaselineChoice, suite: Suite) throws -> PreparedBaseline {
        switch choice {
        case .lastPassed: return .lastPassed
        case .run(let reference): return .run(reference)
        case .goldens: return .goldens(try goldens(of: suite))
        }
    }

    /// The suite's approved goldens (`goldens/<suite>/`) as run scores, for `--baseline goldens`;
    /// none approved, or an unreadable golden, is a baseline that cannot be evaluated (exit 3).
    static func goldens(of suite: Suite) throws -> RunScores {
        do {
            return try Goldens.load(suite: suite.name, root: URL(fileURLWithPath: Goldens.defaultRoot))
        } catch {
            FileHandleOutput.standardError("evalcrew: \(error)")
            throw ExitCode(ExitStatus.unreadableInput.rawValue)
        }
    }

    /// The suite file a stored run is gated with: `--suite-file`, else the path stored with the run.
    /// A missing file or one of another suite exits 2 (as `rescore` does).
    static func suite(for scores: RunScores, suiteFile: String?) throws -> Suite {
        if suiteFile == nil && !FileManager.default.fileExists(atPath: scores.suitePath) {
            FileHandleOutput.standardError("evalcrew: run \(scores.summary.id)'s suite file '\(scores.suitePath)' is gone; give it with --suite-file PATH")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let suite = try SuiteFile.load(suiteFile ?? scores.suitePath)
        if suite.name != scores.summary.suiteName {
            FileHandleOutput.standardError("evalcrew: \(suite.path) is suite '\(suite.name)', but run \(scores.summary.id) is of suite '\(scores.summary.suiteName)'; give the right one with --suite-file")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return suite
    }

    /// A finished check: the report, whether it was kept, and the exit status it calls for.
    struct Outcome {
        var report: GateReport
        var stored: Bool
        var suite: String

        /// 0 passed, 1 a gate failed, 3 the run or its baseline cannot be evaluated.
        var exitStatus: Int32 {
            switch report.outcome {
            case .passed: return ExitStatus.success.rawValue
            case .failed: return ExitStatus.gateFailed.rawValue
            case .cannotEvaluate: return ExitStatus.unreadableInput.rawValue
            }
        }

        var json: GateReportJSON { GateReportJSON(report, suite: suite, stored: stored) }

        func text(style: Style) -> String { GateReportRenderer(style: style).render(report, suite: suite, stored: stored) }
    }

    /// Checks the gates on `scores` and keeps a decided check (passed or failed) with the run.
    static func check(_ scores: RunScores, suite: Suite, gates: SuiteGates, baseline prepared: PreparedBaseline,
                      store: any RunStore) async throws -> Outcome {
        let baseline = gates.needsBaseline ? try await resolve(prepared, for: scores, gates: gates, store: store) : nil
        var report = GateEvaluator.evaluate(gates, run: scores, baseline: baseline, checkedAt: Date(),
                                            caseOrder: suite.cases.map(\.id))
        if suite.contentHash != scores.suiteHash {
            report.notes.insert("\(suite.path) changed since the run; its current gates are applied", at: 0)
        }
        let stored = report.outcome != .cannotEvaluate
        if stored {
            try await storeCall { try await store.recordGateCheck(report) }
        }
        return Outcome(report: report, stored: stored, suite: suite.name)
    }

    /// The comparison relative gates need. A named run that is missing exits 3, the gated run itself 2;
    /// no earlier passing run is "no baseline yet".
    private static func resolve(_ prepared: PreparedBaseline, for scores: RunScores, gates: SuiteGates,
                                store: any RunStore) async throws -> GateBaseline {
        let suiteName = scores.summary.suiteName
        let baselineScores: RunScores
        let name: String
        switch prepared {
        case .goldens(let goldens):
            baselineScores = goldens
            name = "goldens"
        case .lastPassed:
            let id: RunID
            do {
                id = try await store.resolve(.lastPassed(before: scores.summary.id), suite: suiteName)
            } catch StoreError.noPassingRun(_, _) {
                return .noneYet(reason: "no run of suite \(suiteName) before \(scores.summary.id) has passed its gates")
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
            baselineScores = try await storeCall { try await store.loadScores(id) }
            name = id
        case .run(let reference):
            // An id names any run (another suite's is reported as such); latest~N and labels count within the suite.
            let scope: String? = if case .id = reference { nil } else { suiteName }
            let id = try await storeCall { try await store.resolve(reference, suite: scope) }
            if id == scores.summary.id {
                FileHandleOutput.standardError("evalcrew: --baseline \(reference) is run \(id), the run being gated; choose an earlier run")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            baselineScores = try await storeCall { try await store.loadScores(id) }
            name = id
        }
        return .compared(name: name, RunComparer.compare(baselineScores, scores, settings: gates.comparisonSettings))
    }
}
