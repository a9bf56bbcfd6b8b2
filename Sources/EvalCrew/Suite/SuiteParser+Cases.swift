import Foundation
import Yams

/// A command crew's template as written, read the way the command adapter reads it.
struct TemplateSite {
    var text: String
    var line: Int?
    var field: String
    /// The `{name}` inputs it uses (`{{` is a literal brace, `${VAR}` an environment reference).
    var inputs: [String]
}

/// A case and the line its entry starts on.
struct ParsedCase {
    var suiteCase: SuiteCase
    var line: Int?
}

extension SuiteParser {
    static let caseKeys = ["id", "inputs", "group"] + SettingsOverrides.keys
    /// Input names taken by the values evalcrew fills in itself.
    static let reservedInputs = ["case", "repeat"]

    /// Reads `cases:`, a non-empty list of cases with unique ids.
    func suiteCases(_ entry: SuiteEntry, defaults: CaseSettings) -> [ParsedCase] {
        guard case .sequence(let sequence) = entry.value else {
            reader.report(entry.value.line ?? entry.line, nil, "cases: expected a list of cases (`- id: …`), found \(SuiteNodeReader.describe(entry.value))")
            return []
        }
        guard !sequence.isEmpty else {
            reader.report(entry.line, nil, "cases: is empty; add at least one case with `id:` and `inputs: {topic: …}`")
            return []
        }
        var cases: [ParsedCase] = []
        var firstLines: [String: Int] = [:]
        for (index, node) in sequence.enumerated() {
            guard let parsed = suiteCase(node, number: index + 1, defaults: defaults) else { continue }
            let id = parsed.suiteCase.id
            if let first = firstLines[id] {
                reader.report(parsed.line, id, "id '\(id)' is already used by the case at line \(first) (lines \(first) and \(parsed.line.map(String.init) ?? "?")); ids name each case's files and results, make them unique")
                continue
            }
            firstLines[id] = parsed.line ?? 0
            cases.append(parsed)
        }
        return cases
    }

    private func suiteCase(_ node: Node, number: Int, defaults: CaseSettings) -> ParsedCase? {
        let label = Self.label(of: node, number: number)
        let hints = ["topic": "`topic` is a crew input: write it under `inputs:`, e.g. `inputs: {topic: \"…\"}`",
                     "name": "a case is named by `id:`"]
        guard case .mapping = node else {
            reader.report(node.line, label, "expected a case (a mapping with `id:` and `inputs:`), found \(SuiteNodeReader.describe(node))")
            return nil
        }
        guard let fields = reader.entries(of: node, "", known: Self.caseKeys, caseID: label, hints: hints) else { return nil }
        let line = node.line
        var id: String?
        if let entry = fields["id"] {
            id = reader.identifier(entry.value, "id", caseID: label)
        } else {
            reader.report(line, label, "missing `id:`, the case's name (letters, digits, `.`, `_`, `-`; it names the case's files and results)")
        }
        var inputs: [CrewInput] = []
        if let entry = fields["inputs"] {
            inputs = self.inputs(entry, caseID: label)
        } else {
            reader.report(line, label, "missing `inputs:`, the crew's inputs, at least `inputs: {topic: \"…\"}`")
        }
        var group: String?
        if let entry = fields["group"], let text = reader.text(entry.value, "group", caseID: label) {
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                reader.report(entry.value.line ?? entry.line, label, "group: is empty; name the cases' shared group or leave `group:` out")
            } else {
                group = text
            }
        }
        let overrides = settings(from: fields, "case", caseID: label)
        guard let id else { return nil }
        return ParsedCase(suiteCase: SuiteCase(id: id, inputs: inputs, group: group, settings: overrides.applied(to: defaults)),
                          line: line)
    }

    /// How problems name a case: its id, or `#N` (its position) when it has no usable id.
    static func label(of node: Node, number: Int) -> String {
        if case .mapping(let mapping) = node, let idNode = mapping["id"], case .scalar(let scalar) = idNode,
           SuiteNodeReader.isIdentifier(scalar.string) {
            return scalar.string
        }
        return "#\(number)"
    }

    /// The case whose lines hold `line`, by label: the last case starting at or before it, when the
    /// line is inside `cases:` (before the next top-level key).
    static func caseLabel(atLine line: Int, root: Node) -> String? {
        guard case .mapping(let mapping) = root,
              let index = mapping.firstIndex(where: { $0.key.string == "cases" }),
              case .sequence(let cases) = mapping[index].value else { return nil }
        let next = mapping.index(after: index)
        if next < mapping.endIndex, let end = mapping[next].key.line, line >= end { return nil }
        var found: String?
        for (number, node) in cases.enumerated() {
            guard let start = node.line, start <= line else { break }
            found = label(of: node, number: number + 1)
        }
        return found
    }

    /// `inputs:` — a mapping of names to scalar values (numbers and booleans as written), `topic` required.
    private func inputs(_ entry: SuiteEntry, caseID: String) -> [CrewInput] {
        guard case .mapping(let mapping) = entry.value else {
            reader.report(entry.value.line ?? entry.line, caseID, "inputs: expected a mapping of input names to values, e.g. `inputs: {topic: \"…\"}`, found \(SuiteNodeReader.describe(entry.value))")
            return []
        }
        var inputs: [CrewInput] = []
        for (key, value) in mapping {
            guard let name = reader.text(key, "inputs key", caseID: caseID), !SuiteYAML.isPlaceholder(name) else { continue }
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                reader.report(key.line, caseID, "inputs: an input name is empty")
                continue
            }
            if Self.reservedInputs.contains(name) {
                reader.report(key.line, caseID, "inputs: `\(name)` is reserved (`{\(name)}` is filled in by evalcrew); rename the input")
                continue
            }
            guard case .scalar(let scalar) = value, !SuiteNodeReader.isNull(value) else {
                let found = SuiteNodeReader.describe(value)
                reader.report(value.line ?? key.line, caseID, "inputs.\(name): expected text, a number or a boolean, found \(found)\(SuiteNodeReader.isNull(value) ? "; write a value or remove the input" : "")")
                continue
            }
            inputs.append(CrewInput(name: name, value: scalar.string))
        }
        if let topic = inputs.first(where: { $0.name == "topic" }) {
            if topic.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                reader.report(entry.line, caseID, "inputs.topic: is empty; write the topic the crew writes about")
            }
        } else if !mapping.contains(where: { $0.key.string == "topic" }) {
            reader.report(entry.line, caseID, "inputs: missing `topic:`, the topic the crew writes about")
        }
        return inputs
    }

    /// Every `{name}` in the command crew's argv, env and output paths must be an input of every case (or `case`, `repeat`).
    func checkTemplates(cases: [ParsedCase]) {
        let sites = templateSites.map { ($0, $0.inputs) }.filter { !$0.1.isEmpty }
        guard !sites.isEmpty else { return }
        for parsed in cases {
            let available = Set(parsed.suiteCase.inputs.map(\.name) + Self.reservedInputs)
            let inputNames = parsed.suiteCase.inputs.map(\.name).joined(separator: ", ")
            for (site, names) in sites {
                for name in names where !available.contains(name) {
                    reader.report(site.line, parsed.suiteCase.id, "\(site.field) uses `{\(name)}`, but this case has no input `\(name)` (its inputs: \(inputNames.isEmpty ? "none" : inputNames)); add it under the case's `inputs:` or remove the template")
                }
            }
        }
    }
}
