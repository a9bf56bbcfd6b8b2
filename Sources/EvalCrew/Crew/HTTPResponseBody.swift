import Foundation

/// Reads the JSON bodies of the kickoff API, and describes bodies that are not what was expected.
enum HTTPResponseBody {
    /// The parsed JSON of `body`, or the problem in words (for `HTTPCrewError.malformedResponse`).
    static func json(_ body: Data) -> Result<PyValue, HTTPBodyProblem> {
        let bytes = [UInt8](body)
        if bytes.allSatisfy({ PyLiteralParser.isSpace($0) }) { return .failure(HTTPBodyProblem(text: "an empty body")) }
        if ByteSearch.contains(bytes, 0) || InputBytes.firstInvalidUTF8(bytes) != nil {
            return .failure(HTTPBodyProblem(text: "a body that is not UTF-8 text"))
        }
        do {
            return .success(try PyLiteralParser.parseDocument(bytes, dialect: .json))
        } catch {
            let at = BytePosition(offset: error.offset, in: bytes)
            let why = error.atEnd ? "JSON cut off at line \(at.line), column \(at.column) (expected \(error.expected))"
                : "malformed JSON (line \(at.line), column \(at.column): expected \(error.expected))"
            return .failure(HTTPBodyProblem(text: why))
        }
    }

    /// The start of `body` on one line, quoted, for messages.
    static func snippet(_ body: Data, limit: Int = 200) -> String {
        guard !body.isEmpty else { return "(empty)" }
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        var line = text.map { $0.isNewline ? " " : String($0) }.joined()
        line = line.trimmingCharacters(in: .whitespaces)
        let clipped = line.count > limit || body.count > limit * 4
        if line.count > limit { line = String(line.prefix(limit)) }
        return "`\(line)`" + (clipped ? "…" : "")
    }

    /// A refusal's `{"error", "message"}` (or FastAPI's `{"detail"}`), with 422's `details.missing_inputs`;
    /// the body's start when it is not that shape.
    static func complaint(_ body: Data) -> HTTPServerComplaint {
        guard case let .success(value) = json(body), case .dict = value else {
            return HTTPServerComplaint(snippet: body.isEmpty ? nil : snippet(body))
        }
        func text(_ value: PyValue?) -> String? {
            guard let value else { return nil }
            if let string = value.string { return string }
            if case .dict = value { return value["message"]?.string ?? value["msg"]?.string }
            return nil
        }
        let details = value["details"] ?? value["detail"]
        let missing = (details?["missing_inputs"] ?? value["missing_inputs"])?.items?.compactMap(\.string) ?? []
        var complaint = HTTPServerComplaint(error: text(value["error"]), message: text(value["message"] ?? value["detail"]),
                                            missingInputs: missing)
        if complaint.error == nil && complaint.message == nil { complaint.snippet = snippet(body) }
        return complaint
    }
}

/// Why a body is not the JSON expected, in words.
struct HTTPBodyProblem: Error {
    var text: String
}
