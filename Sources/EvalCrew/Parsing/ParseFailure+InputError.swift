extension PyLiteralParser.Failure {
    /// The failure as an `InputError` naming the file and the line:column where parsing stopped.
    ///
    /// - Parameters:
    ///   - parsed: the bytes the parser read (joined text for a rich block).
    ///   - input: the bytes of the whole input, whose lines the user sees.
    ///   - toInput: maps an offset in `parsed` to one in `input`.
    func inputError(path: String, format: String, parsed: [UInt8], input: [UInt8],
                    toInput: (Int) -> Int = { $0 }) -> InputError {
        let at = BytePosition(offset: toInput(offset), in: input)
        var context = ""
        if let opener {
            let open = BytePosition(offset: toInput(opener.offset), in: input)
            context = " (for the \(opener.label) opened at line \(open.line), column \(open.column))"
        }
        if atEnd {
            return .truncated(path: path, expected: expected + context, line: at.line, column: at.column)
        }
        return .malformed(path: path, format: format, message: "expected \(expected)\(context), found \(found(parsed))",
                          line: at.line, column: at.column)
    }

    /// The byte at the failure, quoted, so the message shows what was there instead.
    private func found(_ parsed: [UInt8]) -> String {
        guard offset < parsed.count else { return "the end of the input" }
        let end = min(parsed.count, offset + 12)
        var snippet = String(decoding: parsed[offset..<end], as: UTF8.self)
        if let newline = snippet.firstIndex(of: "\n") { snippet = String(snippet[..<newline]) }
        return snippet.isEmpty ? "a line break" : "`\(snippet)`"
    }
}
