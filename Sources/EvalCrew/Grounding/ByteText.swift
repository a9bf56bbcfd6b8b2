/// Byte-level text primitives shared by the basis index and the post analysis.
///
/// Everything that runs over the sources works on UTF-8 bytes: no `Character` iteration and no
/// regular expressions on the hot path, so indexing stays linear and cheap (see `BasisIndex`).
enum ByteText {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// The length of the UTF-8 sequence starting with lead byte `b`.
    @inline(__always) static func sequenceLength(_ b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Whether the non-ASCII sequence at `i` is part of a word.
    ///
    /// Letters outside ASCII (é, ü, ß, CJK) are; Latin-1 punctuation (no-break space, «, °, ·),
    /// General Punctuation (curly quotes, dashes, ellipsis), currency signs, arrows, symbols and
    /// emoji are not, so `that’s` and `fast—and` split like their ASCII spellings.
    @inline(__always) static func isWordSequence(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0xC2 { return false }
        let next: UInt8 = i + 1 < p.count ? p[i + 1] : 0
        switch b {
        case 0xC2: return false                         // U+0080–U+00BF
        case 0xC3: return next != 0x97 && next != 0xB7  // × and ÷
        case 0xE2: return false                         // U+2000–U+2FFF: punctuation, symbols, arrows
        case 0xE3: return next != 0x80                  // CJK punctuation U+3000–U+303F
        case 0xEF: return next != 0xBC && next != 0xBD && next != 0xBB && next != 0xB8 && next != 0xB9
        case 0xF0: return false                         // emoji and other astral symbols
        default: return true
        }
    }

    /// Whether the byte (or the sequence it leads) at `i` continues a word.
    @inline(__always) static func isWordAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        return b < 0x80 ? isAlnum(b) : isWordSequence(p, i)
    }

    /// Calls `body(start, end, lowered)` for every word in `p`: a maximal run of letters and digits.
    ///
    /// Apostrophes and hyphens separate words here (`Tokio's` → `tokio`, `s`); callers that need
    /// hyphenated compounds look at the neighbouring bytes. Dotted acronyms (`U.S.`, `e.g.`) are
    /// one word, lowered without the dots (`us`, `eg`), so they match their undotted spelling.
    /// `lowered` holds the ASCII-lower-cased bytes (at most 64) and is valid only during the call.
    static func forEachWord(_ p: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil,
                            _ body: (Int, Int, UnsafeBufferPointer<UInt8>) -> Void) {
        let end = to ?? p.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wordCapacity) { buf in
            var i = from
            while let (start, stop, n) = nextWord(p, &i, end, buf) {
                body(start, stop, UnsafeBufferPointer(rebasing: buf[0..<n]))
            }
        }
    }

    /// The most bytes of a word kept lowered (longer words are cut, which only affects matching of
    /// 64-byte tokens).
    static let wordCapacity = 64

    /// The next word at or after `i` (which moves past it): its start, end and the number of
    /// lowered bytes written to `buf` (capacity `wordCapacity`). The loop-friendly form of `forEachWord`.
    ///
    /// This runs over every byte of the sources, so the loops keep the position in a local and
    /// use wrapping arithmetic (positions stay far below `Int.max`); ASCII, almost all of the
    /// input, takes the first branch.
    @inline(__always)
    static func nextWord(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int,
                         _ buf: UnsafeMutableBufferPointer<UInt8>) -> (Int, Int, Int)? {
        var j = i
        while j < end {
            let b = p[j]
            if b < 0x80 {
                if !isAlnum(b) { j &+= 1; continue }
            } else if !isWordSequence(p, j) {
                j &+= sequenceLength(b); continue
            }
            let start = j
            // Dotted acronym: single letters each followed by a dot (`U.S.`, `e.g.`, `U.S.A`).
            if isLetter(b), j + 3 < end, p[j + 1] == 0x2E, isLetter(p[j + 2]),
               p[j + 3] == 0x2E || !(p[j + 3] < 0x80 ? isAlnum(p[j + 3]) : isWordSequence(p, j + 3)) {
                let n = dottedAcronym(p, &j, end, buf)
                i = j
                return (start, j, n)
            }
            // Every byte of the word is kept (ASCII lowered), so the count is the distance from `start`.
            while j < end {
                let c = p[j]
                if c < 0x80 {
                    let lowered: UInt8
                    if isDigit(c) { lowered = c } else if isLetter(c) { lowered = c | 0x20 } else { break }
                    let k = j &- start
                    if k < wordCapacity { buf[k] = lowered }
                    j &+= 1
                } else {
                    guard isWordSequence(p, j) else { break }
                    j = copySequence(p, j, end, buf, from: start)
                }
            }
            i = j
            let stop = min(j, end)
            return (start, stop, min(stop - start, wordCapacity))
        }
        i = j
        return nil
    }

    /// Copies the UTF-8 sequence at `j` (a letter outside ASCII) into `buf` (the word began at
    /// `start`) as far as it has room; returns where the sequence ends. Kept out of line: ASCII is
    /// the hot path.
    @inline(never)
    private static func copySequence(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int,
                                     _ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> Int {
        let len = sequenceLength(p[j])
        for k in 0..<len where j + k < end && j + k - start < wordCapacity {
            buf[j + k - start] = p[j + k]
        }
        return j + len
    }

    /// Lowers the dotted acronym at `j` (`U.S.A` → `usa`) into `buf`, moves `j` past it and
    /// returns the number of letters.
    @inline(never)
    private static func dottedAcronym(_ p: UnsafeBufferPointer<UInt8>, _ j: inout Int, _ end: Int,
                                      _ buf: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = 0
        while j + 1 < end, n < wordCapacity - 1, isLetter(p[j]), p[j + 1] == 0x2E {
            buf[n] = lower(p[j]); n += 1
            j += 2
        }
        if j < end, n < wordCapacity - 1, isLetter(p[j]), j + 1 == end || !isAlnum(p[j + 1]) {
            buf[n] = lower(p[j]); n += 1
            j += 1
        }
        return n
    }

    /// The ASCII-lower-cased bytes of a string.
    static func loweredBytes(_ s: some StringProtocol) -> [UInt8] {
        s.utf8.map { lower($0) }
    }
}
