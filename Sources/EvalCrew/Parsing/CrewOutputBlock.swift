/// Finds a `CrewOutput(` block in a text (a notebook cell, a terminal capture) and parses it.
///
/// A block on one line is pydantic's `repr`; a block whose `(` ends the line is rich's pretty
/// print, soft-wrapped at the console width, which `SoftWrapJoiner` undoes first. Text before
/// and after the block is junk (banners, prompts, a stray second `token_usage=` print); the
/// block's own fields win and the junk is mentioned in the notes.
enum CrewOutputBlock {
    static let marker = Array("CrewOutput(".utf8)

    /// A parsed block and where it sat in the input.
    struct Found {
        var value: PyValue
        var format: InputFormat
        var start: Int
        var end: Int
        var notes: [String]
    }

    /// Offsets of each `CrewOutput(` that opens a block: not preceded by an identifier character and
    /// followed by its first field, `raw=` (on the same line in a repr, on the next in a rich print).
    /// A post that merely mentions `CrewOutput(` in its prose or code stays markdown.
    static func starts(in bytes: [UInt8]) -> [Int] {
        var result: [Int] = []
        var i = 0
        while let hit = ByteSearch.firstIndex(of: marker, in: bytes, from: i) {
            if (hit == 0 || !PyLiteralParser.isIdentByte(bytes[hit - 1])) && opensWithRaw(bytes, after: hit + marker.count) {
                result.append(hit)
            }
            i = hit + marker.count
        }
        return result
    }

    private static let firstField = Array("raw=".utf8)

    private static func opensWithRaw(_ bytes: [UInt8], after start: Int) -> Bool {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return bytes[i...].starts(with: firstField)
    }

    /// True when the block is spread over lines (rich) rather than on one line (repr).
    static func isMultiLine(_ bytes: [UInt8], start: Int) -> Bool {
        var i = start + marker.count
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        return i >= bytes.count || bytes[i] == 0x0A
    }

    /// Parses the first block that parses; if none does, throws the first block's error.
    /// - Parameter format: `.repr` or `.rich` to force how blocks are read, nil to decide per block.
    static func parse(_ bytes: [UInt8], path: String, format: InputFormat? = nil) throws(InputError) -> Found {
        let candidates = starts(in: bytes)
        guard !candidates.isEmpty else {
            throw .unrecognised(path: path, hint: "no `CrewOutput(` block found")
        }
        var firstError: InputError?
        for start in candidates {
            do {
                return try parseBlock(bytes, start: start, path: path, format: format)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        throw firstError!
    }

    private static func parseBlock(_ bytes: [UInt8], start: Int, path: String,
                                   format forced: InputFormat?) throws(InputError) -> Found {
        let rich = forced.map { $0 == .rich } ?? isMultiLine(bytes, start: start)
        var notes: [String] = []
        let value: PyValue
        let end: Int
        if rich {
            let joiner = SoftWrapJoiner(bytes, from: start)
            var parser = PyLiteralParser(bytes: joiner.bytes, dialect: .python)
            do {
                value = try parser.parseValue()
            } catch {
                throw error.inputError(path: path, format: "rich print", parsed: joiner.bytes, input: bytes,
                                       toInput: joiner.inputOffset)
            }
            end = joiner.end
            if joiner.restoredSpaces > 0 {
                notes.append("rich print soft-wrapped at width \(joiner.width): restored \(joiner.restoredSpaces) "
                             + "space(s) dropped at wraps; runs of spaces at wraps may be shorter than printed")
            }
        } else {
            var parser = PyLiteralParser(bytes: bytes, start: start, dialect: .python)
            do {
                value = try parser.parseValue()
            } catch {
                throw error.inputError(path: path, format: "repr", parsed: bytes, input: bytes)
            }
            end = parser.pos
        }
        guard value.callName == "CrewOutput" else {
            let at = BytePosition(offset: start, in: bytes)
            throw InputError.malformed(path: path, format: rich ? "rich print" : "repr",
                                       message: "expected a CrewOutput(…) call", line: at.line, column: at.column)
        }
        notes += junkNotes(bytes, start: start, end: end)
        return Found(value: value, format: rich ? .rich : .repr, start: start, end: end, notes: notes)
    }

    /// Notes about text around the block, above all a stray `token_usage=` printed after it.
    private static func junkNotes(_ bytes: [UInt8], start: Int, end: Int) -> [String] {
        var notes: [String] = []
        let before = bytes[..<start].filter { $0 == 0x0A }.count
        if bytes[..<start].contains(where: { !PyLiteralParser.isSpace($0) }) {
            notes.append("ignored \(before) line(s) of other text before the CrewOutput block")
        }
        let after = bytes[end...]
        if after.contains(where: { !PyLiteralParser.isSpace($0) }) {
            if let stray = ByteSearch.firstIndex(of: Array("token_usage=".utf8), in: bytes, from: end) {
                let strayLine = BytePosition(offset: stray, in: bytes).line
                notes.append("a stray `token_usage=` fragment after the block (line \(strayLine)) was ignored; "
                             + "the block's own token_usage is used")
            }
            notes.append("ignored other text after the CrewOutput block")
        }
        return notes
    }
}
