import ArgumentParser
import EvalCrew
import Foundation

/// The comparison settings a run's suite asks for: its gates' margins and the metrics they name.
enum SuiteComparisonSettings {
    /// From `suiteFile`, else the suite file stored with `run`; when that is gone, the catalogue's
    /// margins (said on standard error). An unreadable suite, one of another suite, or invalid gates exit 2.
    static func settings(for run: RunScores, suiteFile: String?) throws -> ComparisonSettings {
        let storedSuitePath = run.suitePath
        let path = suiteFile ?? storedSuitePath
        guard suiteFile != nil || FileManager.default.fileExists(atPath: path) else {
            FileHandleOutput.standardError("evalcrew: note: the suite file '\(path)' is gone; the catalogue's margins are used (--suite-file PATH to give it)")
            return ComparisonSettings()
        }
        let suite = try SuiteFile.load(path)
        if suite.name != run.summary.suiteName {
            FileHandleOutput.standardError("evalcrew: \(path) is suite '\(suite.name)', but run \(run.summary.id) is of suite '\(run.summary.suiteName)'; give the right one with --suite-file")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return try GateCheck.gates(of: suite).comparisonSettings
    }
}
