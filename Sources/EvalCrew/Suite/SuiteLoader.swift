import Foundation

/// Reads and validates suite files (`docs/suite.md`).
public enum SuiteLoader {
    /// Suites are small hand-written files; anything bigger is a wrong path, not a suite.
    public static let maximumFileSize = 4 << 20

    /// Reads the suite at `path` and checks all of it: structure, types, keys, ids, and that every
    /// source, replay and working folder it names exists (relative to the suite file's folder).
    /// `environment` fills `${VAR}` and `~` in those paths.
    ///
    /// - Throws: `SuiteError.invalid` listing every problem found, with lines and cases;
    ///   `SuiteError.unreadable` when the file cannot be read.
    public static func load(path: String, environment: [String: String]) throws(SuiteError) -> Suite {
        let data = try read(path)
        let text: String
        switch decodeUTF8(data) {
        case .success(let decoded): text = decoded
        case .failure(let problem): throw .invalid(path: path, problems: [problem])
        }
        let document: SuiteYAML
        switch SuiteYAML.parse(text) {
        case .success(let parsed): document = parsed
        case .failure(let problem): throw .invalid(path: path, problems: [problem])
        }
        let parser = SuiteParser(paths: SuitePaths(suitePath: path, environment: environment))
        guard let suite = parser.parse(document, text: text, path: path, contentHash: SHA256.hex(data)) else {
            throw .invalid(path: path, problems: ordered(parser.reader.problems))
        }
        return suite
    }

    private static func read(_ path: String) throws(SuiteError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file; check the path (suites usually live in `suites/`)")
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a folder; give the suite's YAML file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > maximumFileSize {
            throw .unreadable(path: path, reason: "it is \(size.intValue / 1_048_576) MB; a suite is a small YAML file (at most \(maximumFileSize / 1_048_576) MB)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file; check its permissions")
        }
        return data
    }

    /// The file's text, or a problem naming the line of the first byte that is not UTF-8.
    static func decodeUTF8(_ data: Data) -> Result<String, SuiteProblem> {
        if let text = String(data: data, encoding: .utf8) { return .success(text) }
        let bytes = [UInt8](data)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break decoding
            case .error: break decoding
            }
        }
        let line = bytes.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return .failure(SuiteProblem(line: line, caseID: nil,
                                     message: "not UTF-8 text (byte \(offset + 1) is not valid UTF-8); save the suite as UTF-8"))
    }

    /// Problems in file order (those about the whole file first), keeping the order found within a line.
    private static func ordered(_ problems: [SuiteProblem]) -> [SuiteProblem] {
        problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
    }
}
