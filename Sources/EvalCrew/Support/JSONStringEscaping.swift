/// JSON string escaping shared by evalcrew's two hand-written JSON writers (`PrettyJSON` for
/// reports, `JSONStreamWriter` for the store).
///
/// Escapes as Foundation's `JSONEncoder` does, so report output stays byte-identical to it: `"`,
/// `\` and control characters (`\b \f \n \r \t` by name, others as `\u00xx`); `/` and all other
/// characters as they are.
enum JSONStringEscaping {
    /// Appends `text` as a quoted JSON string; runs of bytes that need no escape are copied at once.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (i, b) in utf8.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                bytes.append(0x5C)
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x08: bytes.append(0x62)   // b
                case 0x0C: bytes.append(0x66)   // f
                case 0x0A: bytes.append(0x6E)   // n
                case 0x0D: bytes.append(0x72)   // r
                case 0x09: bytes.append(0x74)   // t
                default: bytes.append(contentsOf: [0x75, 0x30, 0x30, hexDigit(b >> 4), hexDigit(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
}
