import ArgumentParser
import EvalCrew
import Foundation

/// The comparison settings a run's suite asks for: its gates' margins and the metrics they name.
enum SuiteComparisonSettings {
    /// From `suiteFile`, else the suite file stored with the run; when that is gone, the catalogue's
    /// margins (said on standard error). An unreadable suite or invalid gates exit 2.
    static func settings(storedSuitePath: String, suiteFile: String?) throws -> ComparisonSettings {
        let path = suiteFile ?? storedSuitePath
        guard suiteFile != nil || FileManager.default.fileExists(atPath: path) else {
            FileHandleOutput.standardError("evalcrew: note: the suite file '\(path)' is gone; the catalogue's margins are used (--suite-file PATH to give it)")
            return ComparisonSettings()
        }
        return try GateCheck.gates(of: SuiteFile.load(path)).comparisonSettings
    }
}
