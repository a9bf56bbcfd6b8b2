import Foundation

/// The files of one golden case and their text: stable, sorted, pretty JSON so that approving
/// the same result twice changes nothing but `approved_at`.
enum GoldenFiles {
    static let post = "post.md"
    static let blueprint = "blueprint.md"
    static let scores = "scores.json"
    static let findings = "findings.json"
    /// Written last: a case folder with it is complete.
    static let provenance = "golden.json"
    static let schemaVersion = 1

    /// Writes every file of `golden` into `folder` (created when missing), each atomically.
    static func write(_ golden: GoldenCase, to folder: URL) throws(GoldenError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // A re-approval stopped half-way must not leave new files under the old `golden.json`,
            // which would make the folder look complete: it goes first and comes back last.
            let provenanceURL = folder.appendingPathComponent(provenance)
            if FileManager.default.fileExists(atPath: provenanceURL.path) { try FileManager.default.removeItem(at: provenanceURL) }
        } catch {
            throw .writeFailed(path: folder.relativePath, reason: error.localizedDescription)
        }
        try AtomicFile.write(golden.post, to: folder.appendingPathComponent(post))
        let blueprintURL = folder.appendingPathComponent(blueprint)
        if let text = golden.blueprint {
            try AtomicFile.write(text, to: blueprintURL)
        } else if FileManager.default.fileExists(atPath: blueprintURL.path) {
            // A re-approval without a blueprint must not leave the previous one looking current.
            do { try FileManager.default.removeItem(at: blueprintURL) } catch {
                throw .writeFailed(path: blueprintURL.relativePath, reason: error.localizedDescription)
            }
        }
        try AtomicFile.write(scoresJSON(golden.scores), to: folder.appendingPathComponent(scores))
        try AtomicFile.write(findingsJSON(golden.findings), to: folder.appendingPathComponent(findings))
        try AtomicFile.write(provenanceJSON(golden.provenance), to: folder.appendingPathComponent(provenance))
    }

    /// Reads the case in `folder`; every file but `blueprint.md` must be there.
    static func read(from folder: URL) throws(GoldenError) -> GoldenCase {
        let provenance = try readProvenance(folder)
        let post = try text(folder, Self.post)
        let blueprintURL = folder.appendingPathComponent(blueprint)
        let blueprintText = FileManager.default.fileExists(atPath: blueprintURL.path) ? try text(folder, blueprint) : nil
        let scores = try decode([String: Double].self, folder, Self.scores)
        let findings = try decode([FindingFile].self, folder, Self.findings).map { file throws(GoldenError) in
            guard let severity = Finding.Severity(rawValue: file.severity) else {
                throw GoldenError.malformed(path: folder.appendingPathComponent(Self.findings).relativePath,
                                            reason: "unknown severity '\(file.severity)' (error, warning or info)")
            }
            return FindingDigest(kind: file.kind, severity: severity, scorer: file.scorer, message: file.message,
                                 match: file.match, sentence: file.sentence, line: file.line)
        }
        return GoldenCase(post: post, blueprint: blueprintText, scores: scores, findings: findings, provenance: provenance)
    }

    // MARK: Writing

    static func scoresJSON(_ scores: [String: Double]) -> String {
        var json = PrettyJSON(capacity: 1024)
        json.beginObject()
        for (name, value) in scores.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) where value.isFinite {
            json.key(name)
            json.double(value)
        }
        json.endObject()
        return closed(json)
    }

    static func findingsJSON(_ findings: [FindingDigest]) -> String {
        guard !findings.isEmpty else { return "[]\n" }
        var json = PrettyJSON(capacity: 4096)
        json.beginArray()
        for finding in findings {
            json.element()
            json.beginObject()
            json.member("kind", finding.kind)
            json.member("line", finding.line)
            json.member("match", finding.match)
            json.member("message", finding.message)
            json.member("scorer", finding.scorer)
            json.member("sentence", finding.sentence)
            json.member("severity", finding.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        return closed(json)
    }

    static func provenanceJSON(_ provenance: GoldenProvenance) -> String {
        var json = PrettyJSON(capacity: 512)
        json.beginObject()
        json.member("approved_at", timestamp(provenance.approvedAt))
        json.member("case", provenance.caseID)
        json.member("group", provenance.group)
        json.member("label", provenance.label)
        json.member("repeat", provenance.repeatIndex)
        json.member("run", provenance.runID)
        json.member("schema_version", schemaVersion)
        json.member("scorer_version", provenance.scorerVersion)
        json.member("suite", provenance.suite)
        json.member("suite_hash", provenance.suiteHash)
        json.endObject()
        return closed(json)
    }

    /// The text with a final newline (so `git diff` does not flag the last line).
    private static func closed(_ json: PrettyJSON) -> String { (json.text ?? "{}") + "\n" }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    // MARK: Reading

    /// `findings.json` entries as written.
    private struct FindingFile: Decodable {
        var kind: String
        var severity: String
        var scorer: String
        var message: String
        var match: String?
        var sentence: String?
        var line: Int?
    }

    /// `golden.json` as written.
    private struct ProvenanceFile: Decodable {
        var approvedAt: String
        var caseID: String
        var group: String?
        var label: String?
        var repeatIndex: Int
        var runID: String
        var schemaVersion: Int
        var scorerVersion: String
        var suite: String
        var suiteHash: String

        enum CodingKeys: String, CodingKey {
            case approvedAt = "approved_at", caseID = "case", group, label, repeatIndex = "repeat", runID = "run"
            case schemaVersion = "schema_version", scorerVersion = "scorer_version", suite, suiteHash = "suite_hash"
        }
    }

    private static func readProvenance(_ folder: URL) throws(GoldenError) -> GoldenProvenance {
        let path = folder.appendingPathComponent(provenance).relativePath
        let file = try decode(ProvenanceFile.self, folder, provenance)
        guard file.schemaVersion == schemaVersion else {
            throw .malformed(path: path, reason: "schema_version \(file.schemaVersion) is not one this evalcrew reads (\(schemaVersion))")
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let approvedAt = formatter.date(from: file.approvedAt) else {
            throw .malformed(path: path, reason: "approved_at '\(file.approvedAt)' is not an ISO 8601 time")
        }
        return GoldenProvenance(suite: file.suite, caseID: file.caseID, group: file.group, runID: file.runID, label: file.label,
                                repeatIndex: file.repeatIndex, scorerVersion: file.scorerVersion, suiteHash: file.suiteHash,
                                approvedAt: approvedAt)
    }

    private static func text(_ folder: URL, _ name: String) throws(GoldenError) -> String {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .malformed(path: url.relativePath, reason: "the file is missing or cannot be read")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .malformed(path: url.relativePath, reason: "the file is not UTF-8")
        }
        return text
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ folder: URL, _ name: String) throws(GoldenError) -> T {
        let data = Data(try text(folder, name).utf8)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .malformed(path: folder.appendingPathComponent(name).relativePath, reason: "not the expected JSON (\(describe(error)))")
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
