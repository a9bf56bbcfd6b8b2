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
    @inline(__always)
    static func nextWord(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int,
                         _ buf: UnsafeMutableBufferPointer<UInt8>) -> (Int, Int, Int)? {
        while i < end {
            let b = p[i]
            if b < 0x80 {
                if !isAlnum(b) { i += 1; continue }
            } else if !isWordSequence(p, i) {
                i += sequenceLength(b); continue
            }
            let start = i
            var n = 0
            // Dotted acronym: single letters each followed by a dot (`U.S.`, `e.g.`, `U.S.A`).
            if isLetter(b), i + 3 < end, p[i + 1] == 0x2E, isLetter(p[i + 2]),
               p[i + 3] == 0x2E || !(p[i + 3] < 0x80 ? isAlnum(p[i + 3]) : isWordSequence(p, i + 3)) {
                var j = i
                while j + 1 < end, n < wordCapacity - 1, isLetter(p[j]), p[j + 1] == 0x2E {
                    buf[n] = lower(p[j]); n += 1
                    j += 2
                }
                if j < end, n < wordCapacity - 1, isLetter(p[j]), j + 1 == end || !isAlnum(p[j + 1]) {
                    buf[n] = lower(p[j]); n += 1
                    j += 1
                }
                i = j
                return (start, j, n)
            }
            while i < end {
                let c = p[i]
                if c < 0x80 {
                    guard isAlnum(c) else { break }
                    if n < wordCapacity { buf[n] = lower(c) }
                    n += 1; i += 1
                } else {
                    guard isWordSequence(p, i) else { break }
                    let len = sequenceLength(c)
                    for k in 0..<len where i + k < end {
                        if n < wordCapacity { buf[n] = p[i + k] }
                        n += 1
                    }
                    i += len
                }
            }
            return (start, min(i, end), min(n, wordCapacity))
        }
        return nil
    }

    /// The ASCII-lower-cased bytes of a string.
    static func loweredBytes(_ s: some StringProtocol) -> [UInt8] {
        s.utf8.map { lower($0) }
    }
}
