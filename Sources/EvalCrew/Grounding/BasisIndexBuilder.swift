/// Accumulates the basis index in one pass over each passage's bytes.
///
/// A struct with plain loops (no closures capturing the accumulators), so the hot path has no
/// dynamic exclusivity checks or boxing: words are lowered into a fixed buffer, interned, and
/// their stems appended; hyphen compounds, capitalised runs (for acronyms) and numbers are
/// recorded on the way.
struct BasisIndexBuilder {
    var surfaces: TokenInterner
    var surfaceMask: [UInt8] = []
    var stemOfSurface: [Int32] = []
    /// Per surface word: it is a number word (`three`), so a number may start there.
    private var isNumberWord: [Bool] = []
    var stems: TokenInterner
    var acronyms = TokenInterner(capacity: 1024)
    var acronymMask: [UInt8] = []
    var tokens: [Int32] = []
    /// Byte offset (in its passage) of every `BasisIndex.chunkWords`-th token of a passage: where chunks may start.
    var strideStart: [Int32] = []
    var passageFirstToken: [Int32] = []
    var chunkFirstToken: [Int32] = []
    var chunkPassage: [Int32] = []
    var numbers: [NumberKey: UInt8] = [:]
    var hours: [NumberKey: UInt8] = [:]
    var passageBytes: [[UInt8]] = []
    var passageKind: [UInt8] = []

    private var compound = [UInt8](repeating: 0, count: 96)
    private var initials: [UInt8] = []
    private var initialsAll: [UInt8] = []
    private var capitalisedInRun = 0

    init(totalBytes: Int) {
        // Vocabularies grow far slower than text (10 MB of prose holds ~30k words): start small
        // and let the tables grow, so they stay in cache.
        surfaces = TokenInterner(capacity: min(8192, max(1024, totalBytes / 100)))
        stems = TokenInterner(capacity: min(8192, max(1024, totalBytes / 100)))
        tokens.reserveCapacity(totalBytes / 5)
        strideStart.reserveCapacity(totalBytes / 5 / BasisIndex.chunkWords + 16)
    }

    mutating func add(_ passage: GroundingBasis.Passage, number pi: Int) {
        let bytes = Array(passage.text.utf8)
        let kind = passage.kind.rawValue
        passageBytes.append(bytes)
        passageKind.append(kind)
        let first = tokens.count
        passageFirstToken.append(Int32(first))
        bytes.withUnsafeBufferPointer { p in scan(p, kind: kind, first: first) }
        // Chunks of ~chunkWords tokens; a short tail joins the previous chunk.
        let count = tokens.count - first
        var offset = 0
        while offset < count {
            chunkFirstToken.append(Int32(first + offset))
            chunkPassage.append(Int32(pi))
            offset += BasisIndex.chunkWords
            if count - offset < BasisIndex.chunkWords / 3 { break }
        }
    }

    private mutating func scan(_ p: UnsafeBufferPointer<UInt8>, kind: UInt8, first: Int) {
        var prevEnd = -10
        var compoundStart = -1       // byte offset where the current hyphen compound began
        var numbersUntil = 0         // bytes already covered by a number mention
        closeRun(kind)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ByteText.wordCapacity)
        let stemBuffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 128)
        defer { buffer.deallocate(); stemBuffer.deallocate() }
        var i = 0
        let end = p.count
        while let (start, stop, n) = ByteText.nextWord(p, &i, end, buffer) {
            let lowered = UnsafeBufferPointer(rebasing: buffer[0..<n])
            var sid = Int(surfaces.intern(lowered))
            if sid == surfaceMask.count {
                surfaceMask.append(0)
                let k = WordForms.stem(lowered, into: stemBuffer)
                stemOfSurface.append(stems.intern(UnsafeBufferPointer(rebasing: stemBuffer[0..<k])))
                isNumberWord.append(NumberWords.value(lowered, 0, n) != nil)
            }
            if surfaceMask[sid] & kind != kind { surfaceMask[sid] |= kind }
            if (tokens.count - first) % BasisIndex.chunkWords == 0 { strideStart.append(Int32(start)) }
            tokens.append(stemOfSurface[sid])
            let first = p[start]

            // Numbers: digits, versions and number words, parsed where they start.
            if start >= numbersUntil, ByteText.isDigit(first) || isNumberWord[sid] || ((first | 0x20) == 0x76 && n > 1) {
                if let (mention, next) = NumberScanner.mention(at: start, p, end: end) {
                    record(mention, kind)
                    numbersUntil = next
                }
            }

            // Hyphen compounds: `Wi-Fi` is also indexed as `wifi` (built only when one occurs).
            let joined = start == prevEnd + 1 && p[prevEnd] == 0x2D
            if joined, compoundStart >= 0 {
                var length = 0
                var k = compoundStart
                while k < stop, length < compound.count {
                    if p[k] != 0x2D { compound[length] = ByteText.lower(p[k]); length += 1 }
                    k += 1
                }
                sid = compound.withUnsafeBufferPointer { c in Int(surfaces.intern(UnsafeBufferPointer(rebasing: c[0..<length]))) }
                if sid == surfaceMask.count {
                    surfaceMask.append(0)
                    let stem = compound.withUnsafeBufferPointer { c in WordForms.stem(UnsafeBufferPointer(rebasing: c[0..<length])) }
                    stemOfSurface.append(stems.intern(stem))
                    isNumberWord.append(false)
                }
                surfaceMask[sid] |= kind
            } else {
                compoundStart = start
            }

            // Capitalised runs for acronyms; `of`/`and`/`for`/`the` may sit inside.
            let spaceJoined = start == prevEnd + 1 && p[prevEnd] == 0x20
            if !spaceJoined, capitalisedInRun > 0 { closeRun(kind) }
            if ByteText.isUpper(first) {
                if capitalisedInRun == 0, BasisIndexBuilder.isArticle(lowered) {
                    // "The Fair Labor Standards Act" is FLSA, not TFLSA.
                } else {
                    initials.append(lowered[0])
                    initialsAll.append(lowered[0])
                    capitalisedInRun += 1
                }
            } else if capitalisedInRun > 0 {
                if BasisIndexBuilder.isRunConnector(lowered) { initialsAll.append(lowered[0]) } else { closeRun(kind) }
            }
            prevEnd = stop
        }
        if capitalisedInRun > 0 { closeRun(kind) }
    }

    private mutating func record(_ mention: NumberMention, _ kind: UInt8) {
        for key in mention.keys { numbers[key, default: 0] |= kind }
        if mention.isTime, let hour = mention.keys.first.map({ Int($0.value / 60) }) {
            // "open until 9" is grounded by 21:00.
            hours[.number(Double(hour)), default: 0] |= kind
            let twelve = hour % 12 == 0 ? 12 : hour % 12
            hours[.number(Double(twelve)), default: 0] |= kind
        }
    }

    /// Registers the initials of a finished capitalised run, and of every stretch of it
    /// ("U.S. Drug Enforcement Administration" also gives DEA).
    private mutating func closeRun(_ kind: UInt8) {
        if capitalisedInRun >= 2 {
            register(initialsAll[...], kind)
            let n = min(initials.count, 8)
            for lo in 0..<(n - 1) {
                for hi in (lo + 2)...n { register(initials[lo..<hi], kind) }
            }
        }
        capitalisedInRun = 0
        initials.removeAll(keepingCapacity: true)
        initialsAll.removeAll(keepingCapacity: true)
    }

    private mutating func register(_ letters: ArraySlice<UInt8>, _ kind: UInt8) {
        guard letters.count >= 2 else { return }
        let id = Int(letters.withUnsafeBufferPointer { acronyms.intern($0) })
        if id == acronymMask.count { acronymMask.append(0) }
        acronymMask[id] |= kind
    }

    static func isArticle(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        (w.count == 3 && w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65) || (w.count == 1 && w[0] == 0x61)
            || (w.count == 2 && w[0] == 0x61 && w[1] == 0x6E)
    }

    static func isRunConnector(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        switch w.count {
        case 2: return w[0] == 0x6F && w[1] == 0x66                                  // of
        case 3: return (w[0] == 0x61 && w[1] == 0x6E && w[2] == 0x64)                // and
            || (w[0] == 0x66 && w[1] == 0x6F && w[2] == 0x72)                        // for
            || (w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65)                        // the
        default: return false
        }
    }
}
