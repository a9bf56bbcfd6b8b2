/// Converts code-point offsets in a text to 1-based line and column numbers, and back.
///
/// Offsets are Unicode code points (Swift `unicodeScalars`, Python string indices), the unit the
/// JSON output uses everywhere.
public struct TextIndex: Sendable {
    /// The text as code points.
    public let scalars: [Unicode.Scalar]
    /// Code-point offset at which each line starts (line 1 is index 0).
    public let lineStarts: [Int]
    /// The text as UTF-8, and the UTF-8 offset of each code point (plus the end), so that
    /// substrings are copies of bytes rather than strings built a code point at a time.
    private let utf8: [UInt8]
    private let utf8Offsets: [Int]

    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var starts = [0]
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var byte = 0
        for (i, s) in scalars.enumerated() {
            if s == "\n" { starts.append(i + 1) }
            offsets.append(byte)
            byte += UTF8.width(s)
        }
        offsets.append(byte)
        self.scalars = scalars
        self.lineStarts = starts
        self.utf8 = Array(text.utf8)
        self.utf8Offsets = offsets
    }

    /// The location of the code points `offset..<endOffset`.
    public func location(offset: Int, endOffset: Int? = nil) -> TextLocation {
        let clamped = max(0, min(offset, scalars.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        return TextLocation(line: lo + 1, column: clamped - lineStarts[lo] + 1, offset: clamped,
                            endOffset: max(clamped, min(endOffset ?? clamped, scalars.count)))
    }

    /// The code-point offset of a 1-based line and a 1-based column counted in UTF-8 bytes (cmark's unit).
    public func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return scalars.count }
        var i = lineStarts[line - 1]
        var bytes = 1
        while i < scalars.count, scalars[i] != "\n", bytes < byteColumn {
            bytes += UTF8.width(scalars[i])
            i += 1
        }
        return i
    }

    /// The text of the code points `range`.
    public func substring(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, scalars.count)), hi = max(lo, min(range.upperBound, scalars.count))
        return String(decoding: utf8[utf8Offsets[lo]..<utf8Offsets[hi]], as: UTF8.self)
    }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
        return substring(start..<end)
    }
}
