/// Undoes rich's soft wrapping of a pretty-printed block, giving back text the repr parser reads.
///
/// How rich 14.3.4 wraps (`rich/_wrap.py` `divide_line`, `Text.wrap`, `Text.rstrip_end`): a line
/// is split only before a word (`\s*\S+\s*`, a word keeps its trailing spaces), trailing spaces
/// are kept up to column W and the overflow dropped; a word wider than W is folded (chopped) at
/// W cells, or at W-1 when a 2-cell character would straddle the edge. Python's repr escapes
/// every other whitespace, so inside a string literal the only raw whitespace is the space, and a
/// raw newline is always a wrap. Hence, for a newline inside a literal:
/// - previous line ends in a space: the wrap kept its space; join as is. (Inside a run of spaces
///   more may have been dropped; that count is lost for good, so indentation can shrink.)
/// - previous line is a single word filling the width (W, or W-1 before a wide character), or
///   the break splits an escape (`\` | `n`): a fold; join as is.
/// - otherwise the previous line reached W and its space fell off: restore one space. (A line
///   shorter than W can only end in a non-space if a terminal copy stripped trailing spaces;
///   restoring one is right there too.)
/// Outside literals a newline is whitespace, except inside a folded token (`<OutputFormat.` |
/// `RAW:` at tiny widths), which is rejoined by the same fold test.
struct SoftWrapJoiner {
    /// The block with soft wraps undone (raw newlines remain only between fields).
    var bytes: [UInt8]
    /// Console width, estimated as the widest line of the block.
    var width: Int
    /// Offset just past the block's closing `)` in the input (the input's end if it has none).
    var end: Int
    /// How many spaces were put back at wraps.
    var restoredSpaces = 0
    /// `(output offset, input offset)` at the start of each copied line, for error positions.
    private var anchors: [(out: Int, in: Int)] = []

    /// Joins the block that starts at `start` (its `CrewOutput(`) and ends at its matching `)`.
    init(_ input: [UInt8], from start: Int) {
        end = Self.blockEnd(input, from: start)
        var lineStart = start
        while lineStart > 0, input[lineStart - 1] != 0x0A { lineStart -= 1 }

        // Pass 1: the width of every line of the block; the widest is the console width.
        var widths: [Int] = []
        var ls = lineStart
        while ls < end {
            var le = ls
            while le < input.count, input[le] != 0x0A { le += 1 }
            widths.append(CellWidth.of(input, ls..<le))
            ls = le + 1
        }
        width = widths.max() ?? 0
        bytes = []
        bytes.reserveCapacity(end - start)
        anchors.append((0, start))

        // Pass 2: copy, tracking string state the way the repr lexer will, and decide each newline.
        var quote: UInt8 = 0
        var escaped = false
        var line = 0
        ls = lineStart
        var i = start
        while i < end {
            let c = input[i]
            if c == 0x0A {
                let separator: UInt8?
                let fold = isFold(input, ls..<i, next: i + 1, lineWidth: widths[line])
                if quote != 0 {
                    if escaped || (i > ls && input[i - 1] == 0x20) || fold {
                        separator = nil
                    } else {
                        separator = 0x20
                        restoredSpaces += 1
                    }
                } else {
                    let nextIsWord = i + 1 < input.count && !PyLiteralParser.isSpace(input[i + 1])
                    separator = fold && nextIsWord ? nil : 0x0A
                }
                if let separator { bytes.append(separator) }
                line += 1
                ls = i + 1
                i += 1
                anchors.append((bytes.count, i))
                continue
            }
            bytes.append(c)
            if quote != 0 {
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                quote = c
            }
            i += 1
        }
    }

    /// The input offset that produced output offset `out` (for line:column in errors).
    func inputOffset(_ out: Int) -> Int {
        var lo = 0, hi = anchors.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if anchors[mid].out <= out { lo = mid } else { hi = mid - 1 }
        }
        return anchors[lo].in + (out - anchors[lo].out)
    }

    /// A line is a fold piece when it is one word (after its indentation) that fills the width,
    /// or falls one cell short because the next line starts with a 2-cell character.
    private func isFold(_ input: [UInt8], _ line: Range<Int>, next: Int, lineWidth: Int) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound, input[i] == 0x20 { i += 1 }
        if i == line.upperBound { return false }
        while i < line.upperBound { if input[i] == 0x20 { return false }; i += 1 }
        if lineWidth >= width { return true }
        if lineWidth == width - 1, let s = CellWidth.scalar(input, at: next), CellWidth.of(s) == 2 { return true }
        return false
    }

    /// Offset just past the `)` matching the block's first `(`; raw newlines inside literals are
    /// wraps and do not end them (the repr escapes real ones).
    static func blockEnd(_ input: [UInt8], from start: Int) -> Int {
        var quote: UInt8 = 0
        var escaped = false
        var depth = 0
        var i = start
        while i < input.count {
            let c = input[i]
            i += 1
            if quote != 0 {
                if c == 0x0A { continue }
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == quote { quote = 0 }
                continue
            }
            switch c {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): quote = c
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth <= 0 { return i }
            default: break
            }
        }
        return input.count
    }
}
