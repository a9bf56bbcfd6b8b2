import Foundation

/// Turns outputs produced elsewhere into a stored run (`evalcrew import`): one file or folder per
/// case result, named `<case-id>.<ext>` or `<case-id>@<n>.<ext>` (or given `--case`), with an
/// optional `<stem>.trace.jsonl` beside it.
public enum RunImporter {
    /// One output to import.
    public struct Item: Sendable, Equatable {
        public var path: String
        public var caseID: String
        public var repeatIndex: Int
    }

    /// The plan of an import: what goes where, and what cannot be imported.
    public struct Plan: Sendable {
        public var items: [Item]
        /// Paths whose case id the suite does not have, with that id.
        public var unknown: [(path: String, caseID: String)]
    }

    /// Works out each path's case id and repeat.
    ///
    /// - Throws: `RunError.duplicateImport` when two paths claim the same case and repeat.
    public static func plan(paths: [String], suite: Suite, caseID: String?) throws(RunError) -> Plan {
        let known = Set(suite.cases.map(\.id))
        var items: [Item] = []
        var unknown: [(String, String)] = []
        var nextRepeat: [String: Int] = [:]
        for path in paths where !path.hasSuffix(ReplayCrewAdapter.traceSuffix) {
            var (id, repeatIndex) = RecordingName.parse(stem: RecordingName.stem(of: path))
            if let caseID {
                id = caseID
                repeatIndex = nil
            }
            guard known.contains(id) else {
                unknown.append((path, id))
                continue
            }
            let index = repeatIndex ?? (nextRepeat[id] ?? 0) + 1
            nextRepeat[id] = max(nextRepeat[id] ?? 0, index)
            if let clash = items.first(where: { $0.caseID == id && $0.repeatIndex == index }) {
                throw .duplicateImport(caseID: id, repeatIndex: index, paths: [clash.path, path])
            }
            items.append(Item(path: path, caseID: id, repeatIndex: index))
        }
        return Plan(items: items, unknown: unknown)
    }

    /// Reads and scores one item as a case result (never throws: an unreadable output is recorded as such).
    public static func result(for item: Item, suite: Suite, scorer: CaseScorer, now: Date = Date()) -> CaseResult {
        let suiteCase = suite.cases.first { $0.id == item.caseID }!
        let label = "\(item.caseID)@\(item.repeatIndex)"
        var result = CaseResult(caseID: item.caseID, group: suiteCase.group, repeatIndex: item.repeatIndex,
                                status: .failed, startedAt: now, duration: 0)
        do {
            result.output = try ArtifactCapture.capture(item.path, name: (item.path as NSString).lastPathComponent)
        } catch {
            result.error = "cannot read '\(error.path)': \(error.reason)"
            return result
        }
        result.trace = RecordingName.traceBeside(item.path).flatMap { FileManager.default.contents(atPath: $0) }
        let verdict = scorer.score(output: result.output!, trace: result.trace, suiteCase: suiteCase, label: label)
        result.status = verdict.status
        result.error = verdict.error
        result.run = verdict.run
        result.report = verdict.report
        return result
    }
}
