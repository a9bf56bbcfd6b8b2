import Foundation
import Yams

/// Turns a suite file's YAML tree into a `Suite`, collecting every problem on the way.
final class SuiteParser {
    let reader = SuiteNodeReader()
    let paths: SuitePaths
    /// The files each resolved source pattern stands for, or why it stands for none (patterns repeat across cases).
    var sourceChecks: [String: Result<Int, SourceError>] = [:]
    /// Where the command crew's `{name}` templates are written, to check them against each case's inputs.
    var templateSites: [TemplateSite] = []

    /// The suite version this evalcrew reads.
    static let supportedVersion = 1
    static let topLevelKeys = ["version", "name", "crew", "defaults", "cases", "gates"]

    init(paths: SuitePaths) {
        self.paths = paths
    }

    /// The suite, or nil when any problem was found (`reader.problems` says which).
    func parse(_ document: SuiteYAML, text: String, path: String, contentHash: String) -> Suite? {
        for duplicate in document.duplicates {
            let line = duplicate.secondLine ?? duplicate.firstLine
            let caseID = document.root.flatMap { Self.caseLabel(atLine: line, root: $0) }
            let lines = switch duplicate.secondLine {
            case duplicate.firstLine?: "twice on line \(duplicate.firstLine)"
            case let second?: "lines \(duplicate.firstLine) and \(second)"
            case nil: "line \(duplicate.firstLine) and later in the same mapping"
            }
            reader.report(line, caseID,
                          "key `\(duplicate.key)` is written more than once in the same mapping (\(lines)); keep one")
        }
        guard let root = document.root else {
            if document.duplicates.isEmpty {
                reader.report(nil, nil, "the file holds no YAML; a suite needs at least `version: 1`, `name:` and `cases:` (see docs/suite.md)")
            }
            return nil
        }
        // A suite of another version is judged by its version alone: its other keys may mean other things.
        if case .mapping(let mapping) = root, let version = mapping["version"], let line = version.line,
           !versionIsReadable(SuiteEntry(key: "version", line: line, value: version), rootLine: root.line) {
            return nil
        }
        guard let top = reader.entries(of: root, "suite", known: Self.topLevelKeys, caseID: nil,
                                       hints: ["case": "did you mean `cases`?", "topics": "topics are listed under `cases:`, each with `inputs: {topic: …}`"]) else {
            return nil
        }
        if top["version"] == nil {
            reader.report(root.line, nil, "missing `version:`; add `version: \(Self.supportedVersion)` (the suite format this evalcrew reads)")
        }

        let name = top["name"].flatMap { reader.identifier($0.value, "name", caseID: nil) }
        if top["name"] == nil {
            reader.report(root.line, nil, "missing `name:`: the suite's identity (runs and comparisons go by it), e.g. `name: nightly`")
        }
        let crew = top["crew"].flatMap { crewSpec($0) }
        var defaults = CaseSettings()
        if let entry = top["defaults"], let overrides = settings(entry.value, "defaults", known: SettingsOverrides.keys, caseID: nil) {
            defaults = overrides.applied(to: defaults)
        }
        let cases = top["cases"].map { suiteCases($0, defaults: defaults) } ?? []
        if top["cases"] == nil {
            reader.report(root.line, nil, "missing `cases:`: a list of topics, each with `id:` and `inputs: {topic: …}`")
        }
        checkTemplates(cases: cases)
        let gates = top["gates"].map { gatesText($0, root: root, text: text) }

        guard reader.problems.isEmpty, let name else { return nil }
        return Suite(name: name, path: path, contentHash: contentHash, crew: crew, defaults: defaults,
                     cases: cases.map(\.suiteCase), gatesText: gates, gatesLine: top["gates"]?.line)
    }

    /// Checks `version:`; false when the file is of a version this evalcrew does not read (nothing else is checked then).
    private func versionIsReadable(_ entry: SuiteEntry, rootLine: Int?) -> Bool {
        let tag = entry.value.tag.description
        guard case .scalar = entry.value, tag == Tag.Name.int.rawValue, let version = entry.value.int else {
            reader.report(entry.line, nil, "version: expected the number \(Self.supportedVersion), found \(SuiteNodeReader.describe(entry.value))")
            return true
        }
        guard version == Self.supportedVersion else {
            reader.report(entry.line, nil, "version \(version) is not supported: this evalcrew (\(Evaluator.version)) reads suite version \(Self.supportedVersion); use a newer evalcrew or rewrite the suite for version \(Self.supportedVersion) (docs/suite.md)")
            return false
        }
        return true
    }

    /// The `gates:` section as written, from its key's line to the line before the next top-level key,
    /// without trailing blank and comment lines.
    private func gatesText(_ entry: SuiteEntry, root: Node, text: String) -> String {
        guard case .mapping(let mapping) = root else { return "" }
        let keyLines = mapping.compactMap { $0.key.mark }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = keyLines.first(where: { $0.line == entry.line }), start.column == 1 else {
            // A flow-style root mapping: no lines of its own, so the section is written out again.
            let section = Node.mapping(Node.Mapping([(Node("gates"), entry.value)]))
            return ((try? Yams.serialize(node: section)) ?? "gates:").trimmingCharacters(in: .newlines)
        }
        let end = keyLines.map(\.line).filter { $0 > entry.line }.min().map { $0 - 1 } ?? lines.count
        var section = Array(lines[(entry.line - 1)..<min(end, lines.count)])
        while let last = section.last, section.count > 1 {
            let trimmed = last.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "..." else { break }
            section.removeLast()
        }
        return section.joined(separator: "\n")
    }
}
