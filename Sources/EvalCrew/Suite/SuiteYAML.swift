import Foundation
import Yams

/// A suite file's YAML tree, with every duplicate key found.
///
/// Yams refuses a whole file when one mapping repeats a key, naming only the first occurrence.
/// To report every duplicate with both lines and still validate the rest, each later occurrence
/// is found in the text and renamed to a placeholder, and the file is parsed again; the validator
/// skips placeholder keys (their values are never used).
struct SuiteYAML {
    /// The root node; nil when the file holds no YAML document.
    var root: Node?
    /// The text that was parsed (the file's text with duplicate keys renamed; same lines).
    var parsedText: String
    var duplicates: [DuplicateKey]

    /// A key written twice in one mapping.
    struct DuplicateKey: Equatable {
        var key: String
        var firstLine: Int
        /// Nil when the second occurrence could not be located (a flow mapping over several lines).
        var secondLine: Int?
    }

    /// Keys starting with this stand for a duplicate already reported.
    static let placeholderPrefix = "__evalcrew_duplicate_key_"

    static func isPlaceholder(_ key: String) -> Bool { key.hasPrefix(placeholderPrefix) }

    /// Most duplicates recovered from in one file, and most bytes parsed again in all: each recovery
    /// parses the whole file again, so a big file with many duplicates stops early instead of taking minutes.
    static let maximumRecoveries = 200
    static let maximumReparsedBytes = 64 << 20

    /// Parses `text`; a syntax error becomes a problem with its line.
    static func parse(_ text: String) -> Result<SuiteYAML, SuiteProblem> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var duplicates: [DuplicateKey] = []
        while true {
            let candidate = lines.joined(separator: "\n")
            do {
                // UTF-8 explicitly: reader offsets are then byte offsets, and YAMS_DEFAULT_ENCODING (which makes Yams print) plays no part.
                let root = try Parser(yaml: candidate, encoding: .utf8).singleRoot()
                return .success(SuiteYAML(root: root, parsedText: candidate, duplicates: duplicates))
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                let key = keys.first ?? "?"
                let first = context.mark
                guard duplicates.count < maximumRecoveries, candidate.utf8.count * (duplicates.count + 1) <= maximumReparsedBytes,
                      let second = locateRepeat(of: key, after: first, in: lines) else {
                    // Nothing more can be parsed: report what is known.
                    duplicates.append(DuplicateKey(key: key, firstLine: first.line, secondLine: nil))
                    return .success(SuiteYAML(root: nil, parsedText: candidate, duplicates: duplicates))
                }
                duplicates.append(DuplicateKey(key: key, firstLine: first.line, secondLine: second.line))
                var scalars = Array(lines[second.line - 1].unicodeScalars)
                let placeholder = "\(placeholderPrefix)\(duplicates.count)__"
                scalars.replaceSubrange(second.start..<second.end, with: placeholder.unicodeScalars)
                var rebuilt = String.UnicodeScalarView()
                rebuilt.append(contentsOf: scalars)
                lines[second.line - 1] = String(rebuilt)
            } catch let error as YamlError {
                return .failure(problem(for: error, text: candidate))
            } catch {
                return .failure(SuiteProblem(line: nil, caseID: nil, message: "not valid YAML: \(error)"))
            }
        }
    }

    /// Where a key's next occurrence in the same mapping is written: 1-based line, scalar offsets.
    private struct Occurrence {
        var line: Int
        var start: Int
        var end: Int
    }

    /// Finds the repeat of `key` whose first occurrence starts at `first`: in a block mapping, the
    /// next line indented like the first key that starts with it; in a flow mapping, later on the same line.
    private static func locateRepeat(of key: String, after first: Mark, in lines: [String]) -> Occurrence? {
        let indent = first.column - 1
        let forms = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        var index = first.line
        while index < lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            index += 1
            guard let start = scalars.firstIndex(where: { $0 != " " }), scalars[start] != "#" else { continue }
            if scalars[start] == "\r" { continue }
            if start < indent { break }
            if start == indent, let end = keyEnd(in: scalars, at: start, forms: forms) {
                return Occurrence(line: index, start: start, end: end)
            }
        }
        guard first.line - 1 < lines.count else { return nil }
        let scalars = Array(lines[first.line - 1].unicodeScalars)
        var position = indent + 1
        while position < scalars.count {
            if "{, ".unicodeScalars.contains(scalars[position - 1]), let end = keyEnd(in: scalars, at: position, forms: forms) {
                return Occurrence(line: first.line, start: position, end: end)
            }
            position += 1
        }
        return nil
    }

    /// The end of the key at `start` when one of `forms` is written there followed by `:`.
    private static func keyEnd(in scalars: [Unicode.Scalar], at start: Int, forms: [[Unicode.Scalar]]) -> Int? {
        for form in forms where start + form.count <= scalars.count && Array(scalars[start..<(start + form.count)]) == form {
            var next = start + form.count
            while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" { next += 1 }
            if next < scalars.count, scalars[next] == ":" { return start + form.count }
        }
        return nil
    }

    /// A YAML syntax error as a problem a user can act on.
    private static func problem(for error: YamlError, text: String) -> SuiteProblem {
        let advice = "check the indentation (spaces, not tabs) and quote values that hold `: ` or start with `{`, `[`, `*`, `&`, `!`, `%`, `@`"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text), from line \($0.mark.line))" } ?? ""
            return SuiteProblem(line: mark.line, caseID: nil, message: "not valid YAML: \(problem)\(during); \(advice)")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in
                text.utf8.prefix(max(0, offset)).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            }
            return SuiteProblem(line: line, caseID: nil, message: "not readable as YAML: \(problem); a suite is UTF-8 text without control characters")
        default:
            return SuiteProblem(line: nil, caseID: nil, message: "not valid YAML: \(error)")
        }
    }
}
