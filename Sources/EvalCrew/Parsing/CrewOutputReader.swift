import Foundation

/// Reads any CrewAI output shape into one `CrewRun`.
///
/// Shapes are tried in an order where each test is specific enough not to swallow the next:
/// JSON (starts like JSON: a CrewOutput, a crew log or a kickoff status) → a `CrewOutput(` block (one line: repr; multi-line: rich print) →
/// text crew log → verbose panels → markdown. Verbose stdout that prints a `CrewOutput(` block
/// after its panels counts as verbose (its reader still takes the exact block). A text that
/// contains a `CrewOutput(` block which does not parse is an error, never markdown.
public enum CrewOutputReader {
    /// Reads a file or a folder; detects the shape unless `format` forces one.
    ///
    /// - Throws: `InputError`.
    public static func read(path: String, format: InputFormat? = nil) throws -> CrewRun {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.unreadable(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            guard format == nil || format == .folder else {
                throw InputError.unreadable(path: path, reason: "a folder, but --input-format \(format!.rawValue) needs a file")
            }
            return try FolderReader.run(path: path)
        }
        if format == .folder {
            throw InputError.unrecognised(path: path, hint: "--input-format folder needs a folder, this is a file")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try read(bytes: InputBytes.bytes(data, path: path), path: path, format: format)
    }

    /// Reads text already in memory (`path` only names it in errors).
    ///
    /// - Throws: `InputError`.
    public static func read(text: String, path: String, format: InputFormat? = nil) throws -> CrewRun {
        try InputBytes.checkNotBlank(text, path: path)
        if format == .folder {
            throw InputError.unrecognised(path: path, hint: "--input-format folder needs a folder, not text")
        }
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return try read(bytes: bytes, path: path, format: format)
    }

    /// The shape of a text, or nil when it is blank or binary (markdown is the fallback otherwise).
    public static func detect(text: String) -> InputFormat? {
        guard (try? InputBytes.checkNotBlank(text, path: "")) != nil else { return nil }
        return detect(Array(text.utf8)).format
    }

    // MARK: - Internals

    /// A detected shape, with the JSON value when detection already parsed it.
    struct Detection {
        var format: InputFormat
        var json: PyValue?
        /// The input without terminal escapes, when detection already cleaned it.
        var cleaned: [UInt8]?
    }

    static func detect(_ bytes: [UInt8]) -> Detection {
        if JSONDocument.looksLikeJSON(bytes) {
            // Broken JSON stays JSON: its reader reports where it broke.
            guard let value = try? PyLiteralParser.parseDocument(bytes, dialect: .json) else { return Detection(format: .json) }
            return Detection(format: JSONDocument.shape(of: value) ?? .json, json: value)
        }
        let text = TerminalCapture.clean(bytes)
        if let start = CrewOutputBlock.starts(in: text).first {
            if VerboseReader.looksLikeVerbose(Array(text[..<start])) { return Detection(format: .verbose, cleaned: text) }
            return Detection(format: CrewOutputBlock.isMultiLine(text, start: start) ? .rich : .repr, cleaned: text)
        }
        if CrewLogReader.looksLikeTextLog(text) { return Detection(format: .logText, cleaned: text) }
        if VerboseReader.looksLikeVerbose(text) { return Detection(format: .verbose, cleaned: text) }
        return Detection(format: .markdown, cleaned: text)
    }

    static func read(bytes: [UInt8], path: String, format forced: InputFormat?) throws(InputError) -> CrewRun {
        let detection = forced.map { Detection(format: $0) } ?? detect(bytes)
        let cleaned = { detection.cleaned ?? TerminalCapture.clean(bytes) }
        switch detection.format {
        case .json, .logJSON, .kickoffStatus:
            let value: PyValue
            if let parsed = detection.json { value = parsed } else { value = try JSONDocument.parse(bytes, path: path) }
            switch JSONDocument.shape(of: value) {
            case .logJSON?:
                return try CrewLogReader.run(CrewLogReader.entries(json: value, path: path), format: .logJSON, path: path)
            case .json?:
                return try JSONDocument.run(value, path: path)
            case .kickoffStatus?:
                return try KickoffStatusReader.run(value, path: path)
            default:
                throw .unrecognised(path: path, hint: JSONDocument.mismatchHint(value))
            }
        case .repr, .rich:
            let text = cleaned()
            let found = try CrewOutputBlock.parse(text, path: path, format: forced)
            do {
                var run = try CrewRunBuilder.run(crewOutput: found.value, format: found.format)
                run.notes += found.notes
                return run
            } catch {
                let at = BytePosition(offset: found.start, in: text)
                throw .malformed(path: path, format: found.format.rawValue, message: error.message, line: at.line, column: at.column)
            }
        case .logText:
            let text = cleaned()
            return try CrewLogReader.run(CrewLogReader.entries(text: text, path: path), format: .logText, path: path)
        case .verbose:
            return try VerboseReader.run(cleaned(), path: path)
        case .markdown:
            var text = String(decoding: cleaned(), as: UTF8.self)
            let notes = ["plain markdown: the post only, no tasks, usage or tool results"]
            // `print(result)` and editors end the file with a newline that `raw` does not have.
            if text.hasSuffix("\n") { text.removeLast() }
            return CrewRun(format: .markdown, finalOutput: text, notes: notes)
        case .folder:
            throw .unrecognised(path: path, hint: "--input-format folder needs a folder")
        }
    }
}
