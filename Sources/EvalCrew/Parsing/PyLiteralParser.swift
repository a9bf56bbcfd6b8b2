/// Parses a Python literal (what `repr` prints) or JSON from UTF-8 bytes into a `PyValue`.
///
/// Written over bytes, not `String.Index`, because inputs reach a few MB and must parse in
/// milliseconds. JSON is a dialect of the same grammar (`true`/`null`, `\/`, surrogate pairs):
/// Foundation's `JSONSerialization` on Linux reports neither line nor column for a cut-off file
/// and cannot tell `1` from `true`, and users need both. Input must be valid UTF-8 (checked
/// earlier): the parser only splits at ASCII bytes, so copied runs stay valid.
struct PyLiteralParser {
    enum Dialect { case python, json }

    /// Where and why parsing stopped; offsets index the parsed bytes.
    struct Failure: Error {
        /// Offset of the byte that could not be parsed (`bytes.count` at the end of input).
        var offset: Int
        /// What should have come next, in words.
        var expected: String
        /// The bracket or quote still open when parsing stopped, for context.
        var opener: (offset: Int, label: String)?
        /// True when the input ended before the value did.
        var atEnd: Bool
    }

    let bytes: [UInt8]
    let dialect: Dialect
    /// The next byte to read.
    var pos: Int
    private var depth = 0
    /// Deep enough for any crew output; a limit keeps hostile nesting from overflowing the stack.
    static let maxDepth = 500

    init(bytes: [UInt8], start: Int = 0, dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
        self.pos = start
    }

    /// Parses one complete document: a value followed only by whitespace.
    static func parseDocument(_ bytes: [UInt8], dialect: Dialect) throws(Failure) -> PyValue {
        var parser = PyLiteralParser(bytes: bytes, dialect: dialect)
        let value = try parser.parseValue()
        parser.skipSpace()
        if parser.pos < bytes.count {
            throw Failure(offset: parser.pos, expected: "the end of the document after a complete value",
                          opener: nil, atEnd: false)
        }
        return value
    }

    // MARK: - Values

    mutating func parseValue() throws(Failure) -> PyValue {
        skipSpace()
        guard pos < bytes.count else { throw fail("a value") }
        let c = bytes[pos]
        switch c {
        case UInt8(ascii: "\""):
            return .str(try parseString(raw: false))
        case UInt8(ascii: "'") where dialect == .python:
            return .str(try parseString(raw: false))
        case UInt8(ascii: "["):
            return .list(try parseSequence(close: UInt8(ascii: "]"), label: "list"))
        case UInt8(ascii: "(") where dialect == .python:
            return .list(try parseSequence(close: UInt8(ascii: ")"), label: "tuple"))
        case UInt8(ascii: "{"):
            return try parseBraces()
        case UInt8(ascii: "<") where dialect == .python:
            return try parseAngle()
        case UInt8(ascii: "."):
            if dialect == .python, bytes.count - pos >= 3, bytes[pos + 1] == c, bytes[pos + 2] == c {
                pos += 3
                return .opaque("...")  // rich's max_length elision
            }
            return try parseNumber()
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            if Self.isIdentStart(c) { return try parseName() }
            throw fail("a value")
        }
    }

    /// `[a, b]` or `(a, b)`; a trailing comma is allowed (Python's one-tuple).
    private mutating func parseSequence(close: UInt8, label: String) throws(Failure) -> [PyValue] {
        let open = pos
        try enter(open)
        pos += 1
        var items: [PyValue] = []
        while true {
            skipSpace()
            guard pos < bytes.count else { throw fail("`\(Character(Unicode.Scalar(close)))`", opener: (open, label)) }
            if bytes[pos] == close { pos += 1; break }
            items.append(try parseValue())
            skipSpace()
            guard pos < bytes.count else { throw fail("`,` or `\(Character(Unicode.Scalar(close)))`", opener: (open, label)) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == close { pos += 1; break }
            throw fail("`,` or `\(Character(Unicode.Scalar(close)))` in the \(label)", opener: (open, label))
        }
        depth -= 1
        return items
    }

    /// `{k: v, …}` (dict or JSON object) or `{a, b}` (a Python set, read as a list).
    private mutating func parseBraces() throws(Failure) -> PyValue {
        let open = pos
        try enter(open)
        pos += 1
        var entries: [(key: PyValue, value: PyValue)] = []
        var setItems: [PyValue]? = nil
        while true {
            skipSpace()
            guard pos < bytes.count else { throw fail("`}`", opener: (open, "dict")) }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            if dialect == .json, bytes[pos] != UInt8(ascii: "\"") { throw fail("a string key or `}`", opener: (open, "object")) }
            let key = try parseValue()
            skipSpace()
            guard pos < bytes.count else { throw fail("`:`", opener: (open, "dict")) }
            if setItems == nil, bytes[pos] == UInt8(ascii: ":") {
                pos += 1
                entries.append((key, try parseValue()))
            } else if dialect == .python, entries.isEmpty {
                setItems = setItems ?? []
                setItems!.append(key)
            } else {
                throw fail("`:` after the key", opener: (open, "dict"))
            }
            skipSpace()
            guard pos < bytes.count else { throw fail("`,` or `}`", opener: (open, "dict")) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            throw fail("`,` or `}` in the dict", opener: (open, "dict"))
        }
        depth -= 1
        if let setItems { return .list(setItems) }
        return .dict(entries)
    }

    /// `<OutputFormat.RAW: 'raw'>` becomes an enum member; any other `<…>` repr is kept as text.
    private mutating func parseAngle() throws(Failure) -> PyValue {
        let open = pos
        pos += 1
        let nameStart = pos
        while pos < bytes.count, Self.isIdentByte(bytes[pos]) || bytes[pos] == UInt8(ascii: ".") { pos += 1 }
        let name = text(nameStart, pos)
        if !name.isEmpty, pos < bytes.count, bytes[pos] == UInt8(ascii: ":") {
            pos += 1
            try enter(open)
            let value = try parseValue()
            depth -= 1
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ">") else { throw fail("`>`", opener: (open, "enum")) }
            pos += 1
            return .enumMember(name: name, value: value)
        }
        // `<crewai.Foo object at 0x7f…>`: skip to the matching `>`, stepping over quoted parts.
        var nesting = 1
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") { _ = try parseString(raw: false); continue }
            if c == UInt8(ascii: "<") { nesting += 1 }
            if c == UInt8(ascii: ">") { nesting -= 1; if nesting == 0 { pos += 1; return .opaque(text(open, pos)) } }
            pos += 1
        }
        throw fail("`>`", opener: (open, "`<…>` repr"))
    }

    /// Keywords, string prefixes (`r'…'`) and calls `Name(…)`.
    private mutating func parseName() throws(Failure) -> PyValue {
        let start = pos
        while pos < bytes.count, Self.isIdentByte(bytes[pos]) || (dialect == .python && bytes[pos] == UInt8(ascii: ".")) { pos += 1 }
        let name = text(start, pos)
        if dialect == .json {
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .none
            default: pos = start; throw fail("a JSON value")
            }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "'") || bytes[pos] == UInt8(ascii: "\"") {
            switch name.lowercased() {
            case "r", "br", "rb": return .str(try parseString(raw: true))
            case "u", "b": return .str(try parseString(raw: false))
            default: break
            }
        }
        switch name {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "inf": return .float(.infinity)
        case "nan": return .float(.nan)
        default: break
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "(") { return try parseCall(name: name, start: start) }
        return .opaque(name)
    }

    /// `Name(positional, key=value, …)`.
    private mutating func parseCall(name: String, start: Int) throws(Failure) -> PyValue {
        try enter(start)
        pos += 1
        let label = "\(name)("
        var args: [PyValue] = []
        var kwargs: [(name: String, value: PyValue)] = []
        while true {
            skipSpace()
            guard pos < bytes.count else { throw fail("`)`", opener: (start, label)) }
            if bytes[pos] == UInt8(ascii: ")") { pos += 1; break }
            if let key = keywordAhead() {
                kwargs.append((key, try parseValue()))
            } else {
                args.append(try parseValue())
            }
            skipSpace()
            guard pos < bytes.count else { throw fail("`,` or `)`", opener: (start, label)) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: ")") { pos += 1; break }
            throw fail("`,` or `)` between the fields of \(label)", opener: (start, label))
        }
        depth -= 1
        return .call(name: name, args: args, kwargs: kwargs)
    }

    /// If `name=` (not `==`) comes next, consumes it and returns the name.
    private mutating func keywordAhead() -> String? {
        guard pos < bytes.count, Self.isIdentStart(bytes[pos]) else { return nil }
        var i = pos
        while i < bytes.count, Self.isIdentByte(bytes[i]) { i += 1 }
        var j = i
        while j < bytes.count, Self.isSpace(bytes[j]) { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "="), j + 1 >= bytes.count || bytes[j + 1] != UInt8(ascii: "=") else { return nil }
        let name = text(pos, i)
        pos = j + 1
        return name
    }

    private mutating func parseNumber() throws(Failure) -> PyValue {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") || bytes[pos] == UInt8(ascii: "+") { pos += 1 }
        if dialect == .python, pos + 2 < bytes.count, bytes[pos] == UInt8(ascii: "i") {
            // -inf
            let word = text(pos, min(pos + 3, bytes.count))
            if word == "inf" { pos += 3; return .float(bytes[start] == UInt8(ascii: "-") ? -.infinity : .infinity) }
        }
        var isFloat = false
        var digits: [UInt8] = []
        if dialect == .python, pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "0"),
           let radix: Int = [UInt8(ascii: "x"): 16, UInt8(ascii: "X"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "O"): 8,
                             UInt8(ascii: "b"): 2, UInt8(ascii: "B"): 2][bytes[pos + 1]] {
            pos += 2
            while pos < bytes.count, Self.isIdentByte(bytes[pos]) { if bytes[pos] != UInt8(ascii: "_") { digits.append(bytes[pos]) }; pos += 1 }
            guard let v = Int(String(decoding: digits, as: UTF8.self), radix: radix) else { throw fail("a number", at: start) }
            return .int(bytes[start] == UInt8(ascii: "-") ? -v : v)
        }
        if bytes[start] == UInt8(ascii: "-") { digits.append(UInt8(ascii: "-")) }
        while pos < bytes.count {
            let c = bytes[pos]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { digits.append(c) }
            else if c == UInt8(ascii: "_") && dialect == .python {}
            else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { isFloat = true; digits.append(c) }
            else if (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")),
                    let last = digits.last, last == UInt8(ascii: "e") || last == UInt8(ascii: "E") { digits.append(c) }
            else { break }
            pos += 1
        }
        let literal = String(decoding: digits, as: UTF8.self)
        if !isFloat, let v = Int(literal) { return .int(v) }
        // Python ints are unbounded; a too-large count still reads, as a float.
        if let v = Double(literal) { return .float(v) }
        throw fail("a number", at: start)
    }

    // MARK: - Strings

    /// Reads a quoted string at `pos` (Python `'`/`"` or JSON `"`) and decodes its escapes.
    private mutating func parseString(raw: Bool) throws(Failure) -> String {
        var out: [UInt8] = []
        // Adjacent literals concatenate in Python (`'a' 'b'`); repr never writes them, but they are cheap.
        repeat {
            try appendString(into: &out, raw: raw)
            guard dialect == .python else { break }
            var j = pos
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: "\"") else { break }
            pos = j
        } while true
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func appendString(into out: inout [UInt8], raw: Bool) throws(Failure) {
        let open = pos
        let quote = bytes[pos]
        let openLabel = "string"
        pos += 1
        let n = bytes.count
        while true {
            let runStart = pos
            pos = Self.scanRun(bytes, from: pos, quote: quote, json: dialect == .json)
            out.append(contentsOf: bytes[runStart..<pos])
            guard pos < n else { throw fail("a closing `\(Character(Unicode.Scalar(quote)))`", opener: (open, openLabel)) }
            let c = bytes[pos]
            if c == quote { pos += 1; return }
            if c != 0x5C {
                // A raw newline inside a one-line literal: the text was cut here.
                throw fail("a closing `\(Character(Unicode.Scalar(quote)))` before the end of the line", opener: (open, openLabel))
            }
            pos += 1
            guard pos < n else { throw fail("an escape sequence", opener: (open, openLabel)) }
            if raw {
                out.append(0x5C)
                out.append(bytes[pos])
                pos += 1
                continue
            }
            try decodeEscape(into: &out)
        }
    }

    /// Decodes the escape whose first byte (after the backslash) is at `pos`.
    private mutating func decodeEscape(into out: inout [UInt8]) throws(Failure) {
        let escapeStart = pos - 1
        let e = bytes[pos]
        pos += 1
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "a") where dialect == .python: out.append(0x07)
        case UInt8(ascii: "v") where dialect == .python: out.append(0x0B)
        case 0x0A where dialect == .python: break  // backslash-newline: a line continuation
        case UInt8(ascii: "x") where dialect == .python:
            Self.appendScalar(try hex(2, escapeStart), to: &out)
        case UInt8(ascii: "u"):
            var value = try hex(4, escapeStart)
            // A surrogate pair (JSON's way to write 🚀, also possible in repr) forms one scalar.
            if (0xD800...0xDBFF).contains(value), pos + 5 < bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == UInt8(ascii: "u") {
                let save = pos
                pos += 2
                let low = try hex(4, escapeStart)
                if (0xDC00...0xDFFF).contains(low) { value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00) } else { pos = save }
            }
            Self.appendScalar(value, to: &out)
        case UInt8(ascii: "U") where dialect == .python:
            Self.appendScalar(try hex(8, escapeStart), to: &out)
        case UInt8(ascii: "0")...UInt8(ascii: "7") where dialect == .python:
            var value = UInt32(e - UInt8(ascii: "0"))
            var count = 1
            while count < 3, pos < bytes.count, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "7") {
                value = value * 8 + UInt32(bytes[pos] - UInt8(ascii: "0"))
                pos += 1
                count += 1
            }
            Self.appendScalar(value, to: &out)
        default:
            if dialect == .json { pos = escapeStart; throw fail("a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)") }
            // Python keeps an unknown escape as written (`\N{…}` included: names cannot be looked up here).
            out.append(0x5C)
            out.append(e)
        }
    }

    private mutating func hex(_ count: Int, _ escapeStart: Int) throws(Failure) -> UInt32 {
        guard pos + count <= bytes.count else {
            pos = bytes.count
            throw fail("\(count) hex digits of the escape at this string's end", opener: (escapeStart, "escape"))
        }
        var value: UInt32 = 0
        for k in 0..<count {
            let c = bytes[pos + k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: pos += k; throw fail("\(count) hex digits in the escape", opener: (escapeStart, "escape"))
            }
            value = value * 16 + UInt32(d)
        }
        pos += count
        return value
    }

    /// Appends a code point as UTF-8; a lone surrogate or out-of-range value becomes U+FFFD.
    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    // MARK: - Helpers

    /// The end of the plain run starting at `from`: the next quote, backslash, newline (or, in
    /// JSON, control character). Kept out of the mutating methods so the loop runs on a raw
    /// buffer: through `self` the optimizer re-checks the array on every byte (10x slower).
    private static func scanRun(_ bytes: [UInt8], from: Int, quote: UInt8, json: Bool) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var i = from
            let n = buffer.count
            while i < n {
                let c = buffer[i]
                if c == quote || c == 0x5C || c == 0x0A { break }
                if c < 0x20, json, c != 0x09 { break }
                i += 1
            }
            return i
        }
    }

    mutating func skipSpace() {
        while pos < bytes.count, Self.isSpace(bytes[pos]) { pos += 1 }
    }

    private mutating func enter(_ open: Int) throws(Failure) {
        depth += 1
        if depth > Self.maxDepth { throw Failure(offset: open, expected: "at most \(Self.maxDepth) levels of nesting", opener: nil, atEnd: false) }
    }

    private func fail(_ expected: String, opener: (Int, String)? = nil, at offset: Int? = nil) -> Failure {
        let at = offset ?? pos
        return Failure(offset: at, expected: expected, opener: opener.map { (offset: $0.0, label: $0.1) }, atEnd: at >= bytes.count)
    }

    private func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
    static func isIdentStart(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") || c == UInt8(ascii: "_") || c >= 0x80 }
    static func isIdentByte(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) }
}
