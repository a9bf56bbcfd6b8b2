import Foundation
import Yams

/// One `key: value` of a YAML mapping, with the key's line.
struct SuiteEntry {
    var key: String
    var line: Int
    var value: Node
}

/// Reads typed values from a suite's YAML nodes and collects every problem instead of stopping at the first.
final class SuiteNodeReader {
    private(set) var problems: [SuiteProblem] = []

    /// Records a problem at `line` (in `caseID`, when inside a case).
    func report(_ line: Int?, _ caseID: String?, _ message: String) {
        problems.append(SuiteProblem(line: line, caseID: caseID, message: message))
    }

    /// The entries of a mapping, by key, after reporting unknown keys (with the closest known one) and
    /// keys that are not text. Nil, with a problem, when `node` is not a mapping. `what` prefixes each message
    /// (empty inside a case, which the problem names anyway).
    func entries(of node: Node, _ what: String, known: [String], caseID: String?,
                 hints: [String: String] = [:]) -> [String: SuiteEntry]? {
        guard case .mapping(let mapping) = node else {
            report(node.line, caseID, "\(what.isEmpty ? "" : "\(what): ")expected a mapping (`key: value` lines), found \(Self.describe(node))")
            return nil
        }
        var result: [String: SuiteEntry] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, keyNode.tag.description != Tag.Name.null.rawValue else {
                report(keyNode.line, caseID, "\(what.isEmpty ? "" : "\(what): ")a key must be a plain word, found \(Self.describe(keyNode))")
                continue
            }
            let key = scalar.string
            if SuiteYAML.isPlaceholder(key) { continue }
            guard known.contains(key) else {
                report(keyNode.line, caseID, unknownKeyMessage(key, in: what, known: known, hints: hints))
                continue
            }
            result[key] = SuiteEntry(key: key, line: keyNode.line ?? node.line ?? 0, value: value)
        }
        return result
    }

    private func unknownKeyMessage(_ key: String, in what: String, known: [String], hints: [String: String]) -> String {
        let unknown = what.isEmpty ? "unknown key `\(key)`" : "\(what): unknown key `\(key)`"
        if let hint = hints[key] { return "\(unknown): \(hint)" }
        if key == "<<" { return "\(what.isEmpty ? "" : "\(what): ")YAML merge keys (`<<`) are not supported; put shared settings under `defaults:`" }
        if let closest = KeySuggestion.closest(to: key, among: known) {
            return "\(unknown); did you mean `\(closest)`?"
        }
        return "\(unknown); known keys: \(known.map { "`\($0)`" }.joined(separator: ", "))"
    }

    /// A scalar's text (numbers and booleans as written). Nil, with a problem, for a list, a mapping or nothing.
    func text(_ node: Node, _ what: String, caseID: String?) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            report(node.line, caseID, "\(what): expected text, found \(Self.describe(node))")
            return nil
        }
        return scalar.string
    }

    /// Non-empty text matching `[A-Za-z0-9._-]+` (it becomes part of file names).
    func identifier(_ node: Node, _ what: String, caseID: String?) -> String? {
        guard let value = text(node, what, caseID: caseID) else { return nil }
        guard Self.isIdentifier(value) else {
            report(node.line, caseID, "\(what): '\(value)' may use only letters, digits, `.`, `_` and `-` (it becomes part of file names)")
            return nil
        }
        return value
    }

    static func isIdentifier(_ value: String) -> Bool {
        !value.isEmpty && value != "." && value != ".."
            && value.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// A finite number. Nil, with a problem, for anything else.
    func number(_ node: Node, _ what: String, caseID: String?) -> Double? {
        let tag = node.tag.description
        if case .scalar(let scalar) = node, tag == Tag.Name.int.rawValue, node.int == nil {
            report(node.line, caseID, "\(what): the number \(scalar.string) is too large")
            return nil
        }
        guard case .scalar = node, tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue,
              let value = tag == Tag.Name.int.rawValue ? node.int.map(Double.init) : node.float, value.isFinite else {
            report(node.line, caseID, "\(what): expected a number, found \(Self.describe(node))")
            return nil
        }
        return value
    }

    /// A number above zero.
    func positive(_ node: Node, _ what: String, unit: String, caseID: String?) -> Double? {
        guard let value = number(node, what, caseID: caseID) else { return nil }
        guard value > 0 else {
            report(node.line, caseID, "\(what): must be more than 0 \(unit), found \(Self.format(value))")
            return nil
        }
        return value
    }

    /// A whole number above zero.
    func positiveWhole(_ node: Node, _ what: String, unit: String, caseID: String?) -> Int? {
        guard let value = positive(node, what, unit: unit, caseID: caseID) else { return nil }
        guard value == value.rounded(), value < Double(Int32.max) else {
            report(node.line, caseID, "\(what): expected a whole number of \(unit), found \(Self.format(value))")
            return nil
        }
        return Int(value)
    }

    /// A list of text items, each with its line; a single text counts as a list of one.
    func textList(_ node: Node, _ what: String, caseID: String?) -> [(value: String, line: Int?)]? {
        switch node {
        case .scalar where !Self.isNull(node):
            return text(node, what, caseID: caseID).map { [($0, node.line)] }
        case .sequence(let sequence):
            var items: [(value: String, line: Int?)] = []
            var valid = true
            for item in sequence {
                if let value = text(item, "\(what) item", caseID: caseID) { items.append((value, item.line)) } else { valid = false }
            }
            return valid ? items : nil
        default:
            report(node.line, caseID, "\(what): expected a list of text, found \(Self.describe(node))")
            return nil
        }
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return node.tag.description == Tag.Name.null.rawValue }
        return false
    }

    /// What a node is, for "expected X, found Y".
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return "nothing (an empty value)"
            case Tag.Name.bool.rawValue: return "the boolean `\(scalar.string)`"
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return "the number \(scalar.string)"
            default: return "the text '\(scalar.string.count > 60 ? String(scalar.string.prefix(60)) + "…" : scalar.string)'"
            }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension Node {
    /// The 1-based line the node starts on.
    var line: Int? { mark?.line }
}
