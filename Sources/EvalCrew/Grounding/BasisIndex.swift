import Foundation

/// The grounding basis indexed once per scoring run: words, stems, numbers, acronyms and BM25 chunks.
///
/// Built in one pass over the UTF-8 bytes of every passage with integer token ids
/// (`TokenInterner`), then a counting sort into positional and per-chunk posting lists, so the
/// cost is linear in the size of the sources. Lookups answer "which kinds of passage hold this
/// word / phrase / number" as a `GroundingBasis.Kind` bit mask.
struct BasisIndex: Sendable {
    /// Passage bytes, kinds and origins.
    let passageBytes: [[UInt8]]
    let passageKind: [UInt8]
    let passageOrigin: [String]
    /// Lower-cased surface words and hyphen compounds (`wi-fi` also as `wifi`) → kinds holding them.
    private let surfaces: TokenInterner
    private let surfaceMask: [UInt8]
    /// Initials of capitalised runs (`Fair Labor Standards Act` → `flsa`) → kinds.
    private let acronyms: TokenInterner
    private let acronymMask: [UInt8]
    /// Stems, and the stem of every token in order.
    private let stems: TokenInterner
    private let tokens: [Int32]
    /// Byte offset of each token in its passage.
    private let tokenStart: [Int32]
    /// First token of each passage (one extra entry at the end).
    private let passageFirstToken: [Int32]
    /// Chunks: first token of each (one extra entry at the end) and the passage it lies in.
    let chunkFirstToken: [Int32]
    let chunkPassage: [Int32]
    private let averageChunkLength: Float
    /// Positions of each stem (counting-sorted).
    private let positionStart: [Int32]
    private let positions: [Int32]
    /// Per stem: the chunks holding it and the term frequency there.
    private let chunkPostingStart: [Int32]
    private let chunkPostingChunk: [Int32]
    private let chunkPostingFrequency: [UInt16]
    /// Number keys → kinds.
    let numbers: [NumberKey: UInt8]
    /// Hours of the basis's times (21:00 gives 21 and 9): they ground a bare number only in a
    /// sentence about times ("open until 9"), not "$10".
    let hours: [NumberKey: UInt8]

    /// Target chunk length in words (BM25 scores ~100-word passages, like a RAG tool's chunks).
    static let chunkWords = 100

    init(_ basis: GroundingBasis) {
        let totalBytes = basis.passages.reduce(0) { $0 + $1.text.utf8.count }
        var surfaces = TokenInterner(capacity: max(1024, totalBytes / 40))
        var surfaceMask: [UInt8] = []
        var stemOfSurface: [Int32] = []
        var stems = TokenInterner(capacity: max(1024, totalBytes / 50))
        var acronyms = TokenInterner(capacity: 1024)
        var acronymMask: [UInt8] = []
        var tokens: [Int32] = []
        var tokenStart: [Int32] = []
        tokens.reserveCapacity(totalBytes / 5)
        tokenStart.reserveCapacity(totalBytes / 5)
        var passageFirstToken: [Int32] = []
        var chunkFirstToken: [Int32] = []
        var chunkPassage: [Int32] = []
        var numbers: [NumberKey: UInt8] = [:]
        var hours: [NumberKey: UInt8] = [:]
        var passageBytes: [[UInt8]] = []
        var passageKind: [UInt8] = []

        var compound = [UInt8](repeating: 0, count: 96)
        var initials: [UInt8] = []
        var initialsAll: [UInt8] = []
        var capitalisedInRun = 0

        for (pi, passage) in basis.passages.enumerated() {
            let bytes = Array(passage.text.utf8)
            let kind = passage.kind.rawValue
            passageBytes.append(bytes)
            passageKind.append(kind)
            let first = tokens.count
            passageFirstToken.append(Int32(first))
            var prevEnd = -10
            var compoundLength = 0
            capitalisedInRun = 0
            initials.removeAll(keepingCapacity: true)
            initialsAll.removeAll(keepingCapacity: true)

            func closeRun() {
                if capitalisedInRun >= 2 {
                    // Every stretch of the run: "U.S. Drug Enforcement Administration" also gives DEA.
                    var variants = [initialsAll]
                    let n = min(initials.count, 10)
                    for lo in 0..<n { for hi in (lo + 2)...max(lo + 2, n) where hi <= n { variants.append(Array(initials[lo..<hi])) } }
                    for variant in variants where variant.count >= 2 {
                        let id = Int(acronyms.intern(variant))
                        if id == acronymMask.count { acronymMask.append(0) }
                        acronymMask[id] |= kind
                    }
                }
                capitalisedInRun = 0
                initials.removeAll(keepingCapacity: true)
                initialsAll.removeAll(keepingCapacity: true)
            }

            bytes.withUnsafeBufferPointer { p in
                ByteText.forEachWord(p) { start, end, lowered in
                    var sid = Int(surfaces.intern(lowered))
                    if sid == surfaceMask.count {
                        surfaceMask.append(0)
                        stemOfSurface.append(stems.intern(WordForms.stem(lowered)))
                    }
                    surfaceMask[sid] |= kind
                    tokens.append(stemOfSurface[sid])
                    tokenStart.append(Int32(start))

                    // Hyphen compounds: `Wi-Fi` is also indexed as `wifi`.
                    let joined = start == prevEnd + 1 && p[prevEnd] == 0x2D
                    if joined, compoundLength > 0, compoundLength + lowered.count <= compound.count {
                        for k in 0..<lowered.count { compound[compoundLength + k] = lowered[k] }
                        compoundLength += lowered.count
                        compound.withUnsafeBufferPointer { c in
                            sid = Int(surfaces.intern(UnsafeBufferPointer(rebasing: c[0..<compoundLength])))
                        }
                        if sid == surfaceMask.count {
                            surfaceMask.append(0)
                            stemOfSurface.append(compound.withUnsafeBufferPointer { c in
                                stems.intern(WordForms.stem(UnsafeBufferPointer(rebasing: c[0..<compoundLength])))
                            })
                        }
                        surfaceMask[sid] |= kind
                    } else {
                        compoundLength = min(lowered.count, compound.count)
                        for k in 0..<compoundLength { compound[k] = lowered[k] }
                    }

                    // Capitalised runs for acronyms; `of`/`and`/`for`/`the` may sit inside.
                    let spaceJoined = start == prevEnd + 1 && p[prevEnd] == 0x20
                    if !spaceJoined { closeRun() }
                    if ByteText.isUpper(p[start]), capitalisedInRun == 0, BasisIndex.isArticle(lowered) {
                        closeRun()   // "The Fair Labor Standards Act" is FLSA, not TFLSA
                    } else if ByteText.isUpper(p[start]) {
                        initials.append(lowered[0])
                        initialsAll.append(lowered[0])
                        capitalisedInRun += 1
                    } else if capitalisedInRun > 0, BasisIndex.isRunConnector(lowered) {
                        initialsAll.append(lowered[0])
                    } else {
                        closeRun()
                    }
                    prevEnd = end
                }
                closeRun()
                for mention in NumberScanner.scan(p) {
                    for key in mention.keys { numbers[key, default: 0] |= kind }
                    if mention.isTime, let hour = mention.keys.first.map({ Int($0.value / 60) }) {
                        // "open until 9" is grounded by 21:00.
                        hours[.number(Double(hour)), default: 0] |= kind
                        let twelve = hour % 12 == 0 ? 12 : hour % 12
                        hours[.number(Double(twelve)), default: 0] |= kind
                    }
                }
            }
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
        passageFirstToken.append(Int32(tokens.count))
        chunkFirstToken.append(Int32(tokens.count))

        // Positional postings by counting sort.
        let vocabulary = stems.count
        var positionStart = [Int32](repeating: 0, count: vocabulary + 1)
        for t in tokens { positionStart[Int(t) + 1] += 1 }
        for v in 0..<vocabulary { positionStart[v + 1] += positionStart[v] }
        var fill = positionStart
        var positions = [Int32](repeating: 0, count: tokens.count)
        var chunkOfToken = [Int32](repeating: 0, count: tokens.count)
        for c in 0..<(chunkFirstToken.count - 1) {
            for t in Int(chunkFirstToken[c])..<Int(chunkFirstToken[c + 1]) { chunkOfToken[t] = Int32(c) }
        }
        for (i, t) in tokens.enumerated() {
            positions[Int(fill[Int(t)])] = Int32(i)
            fill[Int(t)] += 1
        }
        // Per-chunk postings: positions are ascending, so chunks are too.
        var chunkPostingStart = [Int32](repeating: 0, count: vocabulary + 1)
        var chunkPostingChunk: [Int32] = []
        var chunkPostingFrequency: [UInt16] = []
        chunkPostingChunk.reserveCapacity(tokens.count / 2)
        chunkPostingFrequency.reserveCapacity(tokens.count / 2)
        for v in 0..<vocabulary {
            var last: Int32 = -1
            for k in Int(positionStart[v])..<Int(positionStart[v + 1]) {
                let c = chunkOfToken[Int(positions[k])]
                if c == last {
                    let n = chunkPostingFrequency.count - 1
                    if chunkPostingFrequency[n] < UInt16.max { chunkPostingFrequency[n] += 1 }
                } else {
                    chunkPostingChunk.append(c)
                    chunkPostingFrequency.append(1)
                    last = c
                }
            }
            chunkPostingStart[v + 1] = Int32(chunkPostingChunk.count)
        }

        self.passageBytes = passageBytes
        self.passageKind = passageKind
        self.passageOrigin = basis.passages.map(\.origin)
        self.surfaces = surfaces
        self.surfaceMask = surfaceMask
        self.acronyms = acronyms
        self.acronymMask = acronymMask
        self.stems = stems
        self.tokens = tokens
        self.tokenStart = tokenStart
        self.passageFirstToken = passageFirstToken
        self.chunkFirstToken = chunkFirstToken
        self.chunkPassage = chunkPassage
        let chunkCount = max(1, chunkFirstToken.count - 1)
        self.averageChunkLength = Float(tokens.count) / Float(chunkCount)
        self.positionStart = positionStart
        self.positions = positions
        self.chunkPostingStart = chunkPostingStart
        self.chunkPostingChunk = chunkPostingChunk
        self.chunkPostingFrequency = chunkPostingFrequency
        self.numbers = numbers
        self.hours = hours
    }

    private static func isArticle(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        (w.count == 3 && w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65) || (w.count == 1 && w[0] == 0x61)
            || (w.count == 2 && w[0] == 0x61 && w[1] == 0x6E)
    }

    private static func isRunConnector(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        switch w.count {
        case 2: return w[0] == 0x6F && w[1] == 0x66                                  // of
        case 3: return (w[0] == 0x61 && w[1] == 0x6E && w[2] == 0x64)                // and
            || (w[0] == 0x66 && w[1] == 0x6F && w[2] == 0x72)                        // for
            || (w[0] == 0x74 && w[1] == 0x68 && w[2] == 0x65)                        // the
        default: return false
        }
    }

    // MARK: - Lookups

    /// Number of chunks.
    var chunkCount: Int { chunkFirstToken.count - 1 }

    /// Kinds holding the lower-cased surface word exactly.
    func surfaceKinds(_ lowered: [UInt8]) -> UInt8 {
        guard let id = surfaces.lookup(lowered) else { return 0 }
        return surfaceMask[Int(id)]
    }

    /// Kinds holding the word or its possessive/plural variants (`Card`/`Cards`, `story`/`stories`).
    func wordKinds(_ lowered: [UInt8]) -> UInt8 {
        var mask = surfaceKinds(lowered)
        guard lowered.count >= 2 else { return mask }
        let n = lowered.count
        mask |= surfaceKinds(lowered + [0x73])
        if lowered[n - 1] == 0x73 { mask |= surfaceKinds(Array(lowered.dropLast())) }
        if n > 3, lowered[n - 1] == 0x73, lowered[n - 2] == 0x65 { mask |= surfaceKinds(Array(lowered.dropLast(2))) }
        if n > 3, lowered.suffix(3).elementsEqual("ies".utf8) { mask |= surfaceKinds(Array(lowered.dropLast(3)) + [0x79]) }
        if lowered[n - 1] == 0x79 { mask |= surfaceKinds(Array(lowered.dropLast()) + Array("ies".utf8)) }
        return mask
    }

    /// Kinds holding a capitalised run whose initials are `lowered` (`flsa`).
    func acronymKinds(_ lowered: [UInt8]) -> UInt8 {
        guard let id = acronyms.lookup(lowered) else { return 0 }
        return acronymMask[Int(id)]
    }

    /// The stem id of a lower-cased word, if any passage holds the stem.
    func stemID(_ lowered: [UInt8]) -> Int32? { stems.lookup(WordForms.stem(lowered)) }

    /// How many chunks hold the stem.
    func chunkFrequency(_ stem: Int32) -> Int { Int(chunkPostingStart[Int(stem) + 1] - chunkPostingStart[Int(stem)]) }

    /// Passage index of a token position.
    func passage(ofToken t: Int) -> Int {
        var lo = 0, hi = passageFirstToken.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(passageFirstToken[mid]) <= t { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Kinds of the passages where all `stems` occur close together (within `slack` extra tokens
    /// beyond the phrase length), in any order: how a multi-word name is matched.
    func phraseKinds(_ stems: [Int32], slack: Int = 2) -> UInt8 {
        guard let rarest = stems.min(by: { positionCount($0) < positionCount($1) }) else { return 0 }
        let window = stems.count + slack
        var mask: UInt8 = 0
        var checked = 0
        let others = stems.filter { $0 != rarest }
        for k in Int(positionStart[Int(rarest)])..<Int(positionStart[Int(rarest) + 1]) {
            checked += 1
            if checked > 50_000 { break }
            let pos = Int(positions[k])
            let p = passage(ofToken: pos)
            if mask & passageKind[p] == passageKind[p] { continue }
            let lo = max(Int(passageFirstToken[p]), pos - window), hi = min(Int(passageFirstToken[p + 1]), pos + window + 1)
            var all = true
            for s in others {
                var found = false
                var t = lo
                while t < hi { if tokens[t] == s { found = true; break }; t += 1 }
                if !found { all = false; break }
            }
            if all { mask |= passageKind[p] }
        }
        return mask
    }

    private func positionCount(_ s: Int32) -> Int { Int(positionStart[Int(s) + 1] - positionStart[Int(s)]) }

    /// Kinds holding a number; `aboutTimes` lets the hours of the basis's times count.
    func numberKinds(_ keys: [NumberKey], aboutTimes: Bool = false) -> UInt8 {
        keys.reduce(0) { $0 | (numbers[$1] ?? 0) | (aboutTimes ? hours[$1] ?? 0 : 0) }
    }

    // MARK: - BM25

    /// The best chunks for a bag of stems, best first (BM25, k1 = 1.2, b = 0.75).
    func search(_ query: [Int32], limit: Int) -> [(chunk: Int, score: Float)] {
        let n = Float(chunkCount)
        guard n > 0, !query.isEmpty else { return [] }
        var scores: [Int: Float] = [:]
        for s in Set(query) {
            let lo = Int(chunkPostingStart[Int(s)]), hi = Int(chunkPostingStart[Int(s) + 1])
            let df = Float(hi - lo)
            guard df > 0 else { continue }
            let idf = logf(1 + (n - df + 0.5) / (df + 0.5))
            for k in lo..<hi {
                let c = Int(chunkPostingChunk[k])
                let tf = Float(chunkPostingFrequency[k])
                let length = Float(chunkFirstToken[c + 1] - chunkFirstToken[c])
                let norm = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / averageChunkLength))
                scores[c, default: 0] += idf * norm
            }
        }
        return scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(limit).map { ($0.key, $0.value) }
    }

    /// The stems of a chunk's tokens.
    func chunkStems(_ c: Int) -> ArraySlice<Int32> {
        tokens[Int(chunkFirstToken[c])..<Int(chunkFirstToken[c + 1])]
    }

    /// The text of a chunk, whitespace collapsed, at most `limit` characters.
    func chunkText(_ c: Int, limit: Int = 400) -> String {
        let p = Int(chunkPassage[c])
        let bytes = passageBytes[p]
        let first = Int(chunkFirstToken[c]), next = Int(chunkFirstToken[c + 1])
        let lo = first < tokens.count ? Int(tokenStart[first]) : bytes.count
        let hi = next < Int(passageFirstToken[p + 1]) ? Int(tokenStart[next]) : bytes.count
        return BasisIndex.excerpt(bytes[lo..<max(lo, hi)], limit: limit)
    }

    /// The origin and kind of a chunk.
    func chunkOrigin(_ c: Int) -> String { passageOrigin[Int(chunkPassage[c])] }
    func chunkKind(_ c: Int) -> UInt8 { passageKind[Int(chunkPassage[c])] }

    static func excerpt(_ bytes: ArraySlice<UInt8>, limit: Int) -> String {
        var out = String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        if out.count > limit {
            out = String(out.prefix(limit))
            if let space = out.lastIndex(of: " ") { out = String(out[..<space]) }
            out += " …"
        }
        return out
    }
}

@inline(__always) private func logf(_ x: Float) -> Float { Float(log(Double(x))) }
