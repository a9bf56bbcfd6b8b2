/// Cleans a terminal capture down to the characters a reader saw: no ANSI escapes, `\n` line ends.
///
/// rich colours its output when stdout is a TTY, and `script`/CI logs keep those escapes and
/// `\r\n` line ends; none of it is part of the crew's text, and all of it would break the
/// width arithmetic of soft-wrap recovery.
enum TerminalCapture {
    /// The bytes without ANSI escape sequences (CSI, OSC, two-byte ESC) and with `\r\n` turned into `\n`.
    static func clean(_ bytes: [UInt8]) -> [UInt8] {
        // Most inputs have neither: skip the copy.
        if !ByteSearch.contains(bytes, 0x1B) && !ByteSearch.contains(bytes, 0x0D) { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1; continue }
            guard b == 0x1B, i + 1 < n else { out.append(b); i += 1; continue }
            let kind = bytes[i + 1]
            i += 2
            if kind == UInt8(ascii: "[") {
                // CSI: parameter and intermediate bytes, then one final byte in 0x40...0x7E.
                while i < n, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                i += 1
            } else if kind == UInt8(ascii: "]") {
                // OSC (hyperlinks, titles): ends with BEL or ESC \.
                while i < n {
                    if bytes[i] == 0x07 { i += 1; break }
                    if bytes[i] == 0x1B, i + 1 < n, bytes[i + 1] == UInt8(ascii: "\\") { i += 2; break }
                    i += 1
                }
            }
            // Any other ESC x pair is a two-byte sequence, already skipped.
        }
        return out
    }

    /// Convenience for `String` input.
    static func clean(_ text: String) -> [UInt8] { clean(Array(text.utf8)) }
}
