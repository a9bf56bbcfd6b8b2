/// Terminal cell widths measured the way rich 14.3.4 measures them (`rich.cells.cell_len`).
///
/// Soft-wrap recovery compares a line's width with the console width, so it must count exactly
/// as rich counted when it wrapped: East Asian wide and emoji are 2 cells, combining marks 0,
/// and VS16 widens the narrow emoji listed in rich's table.
enum CellWidth {
    /// Cells taken by one code point, ignoring VS16 and ZWJ (see `of(_:)` for those).
    static func of(_ value: UInt32) -> Int {
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }  // rich's table has no entry between the C1 controls and U+0300
        if contains(CellWidthTable.wide, value) { return 2 }
        if contains(CellWidthTable.zero, value) { return 0 }
        return 1
    }

    /// Cells taken by a UTF-8 byte range (a line of a capture).
    static func of(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var width = 0
        var ascii = true
        for i in range where bytes[i] >= 0x80 { ascii = false; break }
        if ascii { return range.count }
        var lastNarrowToWide = false
        var skipNext = false
        forEachScalar(bytes, range) { value in
            if skipNext { skipNext = false; return }
            if value == 0x200D { skipNext = true; return }  // ZWJ: rich skips the joined character
            if value == 0xFE0F {
                if lastNarrowToWide { width += 1 }
                lastNarrowToWide = false
                return
            }
            let w = of(value)
            if w > 0 { lastNarrowToWide = contains(CellWidthTable.narrowToWide, value) }
            width += w
        }
        return width
    }

    /// The first code point of a UTF-8 sequence starting at `i`, or nil at the end.
    static func scalar(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard i < bytes.count else { return nil }
        var result: UInt32?
        forEachScalar(bytes, i..<min(bytes.count, i + 4)) { value in if result == nil { result = value } }
        return result
    }

    /// Calls `body` with each code point of valid UTF-8 bytes.
    static func forEachScalar(_ bytes: [UInt8], _ range: Range<Int>, _ body: (UInt32) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            var value: UInt32
            var len: Int
            switch b {
            case 0..<0x80: value = UInt32(b); len = 1
            case 0xC0..<0xE0: value = UInt32(b & 0x1F); len = 2
            case 0xE0..<0xF0: value = UInt32(b & 0x0F); len = 3
            default: value = UInt32(b & 0x07); len = 4
            }
            if i + len > range.upperBound { return }
            for k in 1..<len { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            body(value)
            i += len
        }
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var lo = 0, hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            if value < table[mid].lowerBound { hi = mid - 1 } else if value > table[mid].upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
