/// Accumulates the basis index in one pass over each passage's bytes.
///
/// A struct with plain loops (no closures capturing the accumulators), so the hot path has no
/// dynamic exclusivity checks or boxing: words are lowered into a fixed buffer, interned, and
/// their stems appended; hyphen compounds, capitalised runs (for acronyms) and numbers are
/// recorded on the way.
struct BasisIndexBuilder {
    /// What the index keeps about each distinct surface word (lower-cased) or hyphen compound.
    struct Surface {
        /// Kinds of passage holding it.
        var kinds: UInt8 = 0
        /// It is a number word (`three`), so a number may start there.
        var isNumberWord: Bool
        var stem: Int32
    }

    var surfaces: TokenInterner
    /// Per surface id.
    var surfaceFacts: [Surface] = []
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
    var passageText: [String] = []
    var passageKind: [UInt8] = []

    private var compound = [UInt8](repeating: 0, count: 96)
    /// The current capitalised run's initials in order; a connector word's (`of`, `and`) carries
    /// `connectorFlag`. Initials of capitalised words and connectors are ASCII, so the bit is free.
    private var runInitials: [UInt8] = []
    private static let connectorFlag: UInt8 = 0x80
    private var capitalisedInRun = 0

    init(totalBytes: Int) {
        // Vocabularies grow far slower than text (10 MB of prose holds ~30k words): start small
        // and let the tables grow, so they stay in cache.
        surfaces = TokenInterner(capacity: min(8192, max(1024, totalBytes / 100)))
        stems = TokenInterner(capacity: min(8192, max(1024, totalBytes / 100)))
        tokens.reserveCapacity(totalBytes / 5)
        strideStart.reserveCapacity(totalBytes / 5 / BasisIndex.chunkWords + 16)
    }

    /// Kinds holding each surface, by surface id.
    var surfaceMask: [UInt8] { surfaceFacts.map(\.kinds) }

    mutating func add(_ passage: GroundingBasis.Passage, number pi: Int) {
        // Scanned in place: a native string's UTF-8 is contiguous (`withUTF8` copies only a
        // string that is not, and keeps the copy in `text`).
        var text = passage.text
        let kind = passage.kind.rawValue
        passageKind.append(kind)
        let first = tokens.count
        passageFirstToken.append(Int32(first))
        text.withUTF8 { p in scan(p, kind: kind) }
        passageText.append(text)
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

    /// Indexes every word of one passage. The loop body is what runs per word of the sources;
    /// the rarer work (new words, numbers, hyphen compounds, acronym runs) lives in the functions
    /// it calls.
    private mutating func scan(_ p: UnsafeBufferPointer<UInt8>, kind: UInt8) {
        var prevEnd = -10
        var untilStride = 0          // tokens left before the next chunk may start
        var compoundStart = -1       // byte offset where the current hyphen compound began
        var numbersUntil = 0         // bytes already covered by a number mention
        closeRun(kind)
        // Eight spare bytes: the interner reads any word of the buffer eight bytes at a time.
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ByteText.wordCapacity + 8)
        buffer.initialize(repeating: 0)
        defer { buffer.deallocate() }
        var i = 0
        let end = p.count
        while let (start, stop, n) = ByteText.nextWord(p, &i, end, buffer) {
            let lowered = UnsafeBufferPointer(rebasing: buffer[0..<n])
            let sid = surfaceID(lowered)
            if surfaceFacts[sid].kinds & kind != kind { surfaceFacts[sid].kinds |= kind }
            if untilStride == 0 {
                strideStart.append(Int32(start))
                untilStride = BasisIndex.chunkWords
            }
            untilStride -= 1
            tokens.append(surfaceFacts[sid].stem)
            let first = p[start]

            // Numbers: digits, versions and number words, parsed where they start.
            if start >= numbersUntil,
               ByteText.isDigit(first) || surfaceFacts[sid].isNumberWord || ((first | 0x20) == 0x76 && n > 1) {
                numbersUntil = recordNumber(p, at: start, kind, coveredUntil: numbersUntil)
            }

            // Hyphen compounds: `Wi-Fi` is also indexed as `wifi` (built only when one occurs).
            if start == prevEnd + 1 && p[prevEnd] == 0x2D, compoundStart >= 0 {
                recordCompound(p[compoundStart..<stop], kind)
            } else {
                compoundStart = start
            }

            // Capitalised runs for acronyms; `of`/`and`/`for`/`the` may sit inside.
            let spaceJoined = start == prevEnd + 1 && p[prevEnd] == 0x20
            if !spaceJoined, capitalisedInRun > 0 { closeRun(kind) }
            if ByteText.isUpper(first) {
                extendRun(lowered)
            } else if capitalisedInRun > 0 {
                if BasisIndexBuilder.isRunConnector(lowered) {
                    runInitials.append(lowered[0] | BasisIndexBuilder.connectorFlag)
                } else {
                    closeRun(kind)
                }
            }
            prevEnd = stop
        }
        if capitalisedInRun > 0 { closeRun(kind) }
    }

    /// The surface id of a lower-cased word, registering a new word with its stem.
    @inline(__always) private mutating func surfaceID(_ lowered: UnsafeBufferPointer<UInt8>) -> Int {
        let sid = Int(surfaces.intern(lowered, padded: true))
        if sid == surfaceFacts.count { registerSurface(lowered, isWord: true) }
        return sid
    }

    /// Adds the facts of a surface seen for the first time (a few thousand per megabyte).
    @inline(never) private mutating func registerSurface(_ lowered: UnsafeBufferPointer<UInt8>, isWord: Bool) {
        let stem = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lowered.count + 1) { out in
            let k = WordForms.stem(lowered, into: out)
            return stems.intern(UnsafeBufferPointer(rebasing: out[0..<k]))
        }
        let isNumberWord = isWord && NumberWords.value(lowered, 0, lowered.count) != nil
        surfaceFacts.append(Surface(isNumberWord: isNumberWord, stem: stem))
    }

    /// Records the number mention starting at `start`; returns the end of the bytes it covers.
    @inline(never) private mutating func recordNumber(_ p: UnsafeBufferPointer<UInt8>, at start: Int, _ kind: UInt8,
                                                      coveredUntil: Int) -> Int {
        guard let (mention, next) = NumberScanner.mention(at: start, p, end: p.count) else { return coveredUntil }
        record(mention, kind)
        return next
    }

    /// Indexes a hyphen compound (`Wi-Fi`) without its hyphens (`wifi`), cut at `compound.count` bytes.
    @inline(never) private mutating func recordCompound(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ kind: UInt8) {
        var length = 0
        for b in bytes where b != 0x2D && length < compound.count {
            compound[length] = ByteText.lower(b)
            length += 1
        }
        let sid = compound.withUnsafeBufferPointer { c in Int(surfaces.intern(UnsafeBufferPointer(rebasing: c[0..<length]))) }
        if sid == surfaceFacts.count {
            let word = Array(compound[0..<length])
            word.withUnsafeBufferPointer { registerSurface($0, isWord: false) }
        }
        surfaceFacts[sid].kinds |= kind
    }

    /// Adds a capitalised word to the current run (an article cannot start one:
    /// "The Fair Labor Standards Act" is FLSA, not TFLSA).
    private mutating func extendRun(_ lowered: UnsafeBufferPointer<UInt8>) {
        if capitalisedInRun == 0, BasisIndexBuilder.isArticle(lowered) { return }
        runInitials.append(lowered[0])
        capitalisedInRun += 1
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
            // The initials of all the run's words, then of its capitalised words only.
            let count = runInitials.count
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * count) { letters in
                var capitalised = count
                for (k, initial) in runInitials.enumerated() {
                    letters[k] = initial & ~BasisIndexBuilder.connectorFlag
                    if initial & BasisIndexBuilder.connectorFlag == 0 { letters[capitalised] = initial; capitalised += 1 }
                }
                register(UnsafeBufferPointer(rebasing: letters[0..<count]), kind)
                let n = min(capitalised - count, 8)
                for lo in 0..<(n - 1) {
                    for hi in (lo + 2)...n { register(UnsafeBufferPointer(rebasing: letters[(count + lo)..<(count + hi)]), kind) }
                }
            }
        }
        capitalisedInRun = 0
        runInitials.removeAll(keepingCapacity: true)
    }

    private mutating func register(_ letters: UnsafeBufferPointer<UInt8>, _ kind: UInt8) {
        guard letters.count >= 2 else { return }
        let id = Int(acronyms.intern(letters))
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
