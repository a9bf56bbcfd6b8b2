import Foundation

/// The approved cases of a suite, kept as readable files under `<root>/<suite>/<case>/`.
public enum Goldens {
    /// The goldens folder of a repository, relative to where evalcrew runs.
    public static let defaultRoot = "goldens"
    /// What the goldens call themselves where a run id would stand (baselines, reports).
    public static let runID = "goldens"

    /// `<root>/<suite>`; throws for a suite name that is not one plain folder name.
    public static func folder(suite: String, root: URL) throws(GoldenError) -> URL {
        try GoldenName.validate(suite, what: "suite name")
        return root.appendingPathComponent(suite, isDirectory: true)
    }

    /// `<root>/<suite>/<case>`; throws for a name that could leave the goldens folder.
    public static func folder(suite: String, caseID: String, root: URL) throws(GoldenError) -> URL {
        try GoldenName.validate(caseID, what: "case id")
        return try folder(suite: suite, root: root).appendingPathComponent(caseID, isDirectory: true)
    }

    /// Every approved case of `suite`, by case id; throws `noGoldens` when there is none.
    ///
    /// Each case folder must hold a complete, readable golden whose `golden.json` names this suite
    /// and this case: a folder that does not is an error naming the file, never skipped.
    public static func loadCases(suite: String, root: URL) throws(GoldenError) -> [GoldenCase] {
        let suiteFolder = try folder(suite: suite, root: root)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: suiteFolder.path)
        } catch {
            throw .noGoldens(suite: suite, folder: suiteFolder.relativePath)
        }
        var cases: [GoldenCase] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let caseFolder = suiteFolder.appendingPathComponent(name, isDirectory: true)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: caseFolder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let golden = try GoldenFiles.read(from: caseFolder)
            let provenancePath = caseFolder.appendingPathComponent(GoldenFiles.provenance).relativePath
            guard golden.provenance.suite == suite else {
                throw .malformed(path: provenancePath, reason: "it is a golden of suite '\(golden.provenance.suite)', not '\(suite)'")
            }
            guard golden.caseID == name else {
                throw .malformed(path: provenancePath, reason: "it names case '\(golden.caseID)' but lies in folder '\(name)'")
            }
            cases.append(golden)
        }
        guard !cases.isEmpty else { throw .noGoldens(suite: suite, folder: suiteFolder.relativePath) }
        return cases
    }

    /// The goldens of `suite` as a run of one repeat per case, to compare a run against (`golden
    /// check`, `gate --baseline goldens`).
    public static func load(suite: String, root: URL) throws(GoldenError) -> RunScores {
        scores(of: try loadCases(suite: suite, root: root), suite: suite, folder: try folder(suite: suite, root: root))
    }

    /// Golden cases as `RunScores`: id `goldens`, completed, one scored repeat per case.
    ///
    /// Cases approved under different scorer versions (or suite files) give a joined version
    /// (hash), so a comparison reports the mix instead of passing it off as one scoring.
    public static func scores(of cases: [GoldenCase], suite: String, folder: URL) -> RunScores {
        func joined(_ values: [String]) -> String {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }.joined(separator: "+")
        }
        let scorerVersion = joined(cases.map(\.provenance.scorerVersion))
        let approved = cases.map(\.provenance.approvedAt)
        let summary = RunSummary(id: runID, suiteName: suite, label: runID, status: .completed,
                                 startedAt: approved.min() ?? Date(timeIntervalSince1970: 0), endedAt: approved.max(),
                                 results: cases.count, scoredResults: cases.count, plannedResults: cases.count,
                                 scorerVersion: scorerVersion)
        let results = cases.map { golden in
            ScoredResult(caseID: golden.caseID, group: golden.provenance.group, repeatIndex: golden.provenance.repeatIndex,
                         status: .scored, error: nil, metrics: golden.scores.filter { $0.value.isFinite },
                         findings: golden.findings.map(\.finding))
        }
        return RunScores(summary: summary, suitePath: folder.relativePath, suiteHash: joined(cases.map(\.provenance.suiteHash)),
                         metadata: ["goldens": folder.relativePath], results: results)
    }
}
