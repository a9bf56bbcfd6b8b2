import Foundation

/// The grounding basis indexed once per scoring run: words, stems, numbers, acronyms and BM25 chunks.
///
/// Built in one pass over the UTF-8 bytes of every passage with integer token ids
/// (`TokenInterner`), then a counting sort into positional and per-chunk posting lists, so the
/// cost is linear in the size of the sources. Lookups answer "which kinds of passage hold this
/// word / phrase / number" as a `GroundingBasis.Kind` bit mask.
struct BasisIndex: Sendable {
    /// Passage texts (indexed through their UTF-8 storage, never copied), kinds and origins.
    let passageText: [String]
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
    /// Byte offset in its passage of every `chunkWords`-th token of the passage (chunk starts).
    private let strideStart: [Int32]
    /// Index into `strideStart` of each passage's first token.
    private let passageFirstStride: [Int32]
    /// First token of each passage (one extra entry at the end).
    private let passageFirstToken: [Int32]
    /// Chunks: first token of each (one extra entry at the end) and the passage it lies in.
    let chunkFirstToken: [Int32]
    let chunkPassage: [Int32]
    /// BM25's length factor per chunk, k1 · (1 − b + b · length / average length), computed once.
    private let chunkLengthFactor: [Float]
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

    /// Stems of negation words ("no", "not", "never", …) present in the basis.
    let negationStems: Set<Int32>

    /// Target chunk length in words (BM25 scores ~100-word passages, like a RAG tool's chunks).
    static let chunkWords = 100

    init(_ basis: GroundingBasis) {
        var builder = BasisIndexBuilder(totalBytes: basis.passages.reduce(0) { $0 + $1.text.utf8.count })
        for (pi, passage) in basis.passages.enumerated() { builder.add(passage, number: pi) }
        let tokens = builder.tokens
        let stems = builder.stems
        var passageFirstToken = builder.passageFirstToken
        var chunkFirstToken = builder.chunkFirstToken
        let chunkPassage = builder.chunkPassage
        let passageText = builder.passageText
        let passageKind = builder.passageKind
        let surfaces = builder.surfaces, surfaceMask = builder.surfaceMask
        let acronyms = builder.acronyms, acronymMask = builder.acronymMask
        let strideStart = builder.strideStart
        var passageFirstStride: [Int32] = []
        var strides = 0
        for p in 0..<(passageFirstToken.count) {
            passageFirstStride.append(Int32(strides))
            let count = Int(p + 1 < passageFirstToken.count ? passageFirstToken[p + 1] : Int32(tokens.count)) - Int(passageFirstToken[p])
            strides += (count + BasisIndex.chunkWords - 1) / BasisIndex.chunkWords
        }
        let numbers = builder.numbers, hours = builder.hours
        passageFirstToken.append(Int32(tokens.count))
        chunkFirstToken.append(Int32(tokens.count))

        // Positional postings by counting sort.
        let vocabulary = stems.count
        var positionStart = [Int32](repeating: 0, count: vocabulary + 1)
        for t in tokens { positionStart[Int(t) + 1] += 1 }
        for v in 0..<vocabulary { positionStart[v + 1] += positionStart[v] }
        var fill = positionStart
        let positions = [Int32](unsafeUninitializedCapacity: tokens.count) { out, initialized in
            tokens.withUnsafeBufferPointer { tok in
                fill.withUnsafeMutableBufferPointer { fill in
                    for i in 0..<tok.count {
                        let t = Int(tok[i])
                        out[Int(fill[t])] = Int32(i)
                        fill[t] += 1
                    }
                }
            }
            initialized = tokens.count
        }
        // Per-chunk postings, by a sweep over the chunks in order (so each stem's chunks ascend):
        // first count each stem's chunks, then fill them with the term frequencies.
        var chunkPostingStart = [Int32](repeating: 0, count: vocabulary + 1)
        var lastChunk = [Int32](repeating: -1, count: vocabulary)
        let chunks = max(0, chunkFirstToken.count - 1)
        tokens.withUnsafeBufferPointer { tok in
            lastChunk.withUnsafeMutableBufferPointer { last in
                chunkPostingStart.withUnsafeMutableBufferPointer { start in
                    for c in 0..<chunks {
                        let c32 = Int32(c)
                        for t in Int(chunkFirstToken[c])..<Int(chunkFirstToken[c + 1]) {
                            // Branch-free: whether a stem is new in its chunk is as good as random,
                            // and a mispredicted branch per token costs more than the addition.
                            let s = Int(tok[t])
                            start[s + 1] &+= last[s] != c32 ? 1 : 0
                            last[s] = c32
                        }
                    }
                }
            }
        }
        for v in 0..<vocabulary { chunkPostingStart[v + 1] += chunkPostingStart[v] }
        let postings = Int(chunkPostingStart[vocabulary])
        var chunkPostingChunk = [Int32](repeating: 0, count: postings)
        var chunkPostingFrequency = [UInt16](repeating: 0, count: postings)
        var next = Array(chunkPostingStart.dropLast())
        for v in 0..<vocabulary { lastChunk[v] = -1 }
        tokens.withUnsafeBufferPointer { tok in
            lastChunk.withUnsafeMutableBufferPointer { last in
                next.withUnsafeMutableBufferPointer { next in
                    chunkPostingChunk.withUnsafeMutableBufferPointer { chunk in
                        chunkPostingFrequency.withUnsafeMutableBufferPointer { frequency in
                            for c in 0..<chunks {
                                let c32 = Int32(c)
                                for t in Int(chunkFirstToken[c])..<Int(chunkFirstToken[c + 1]) {
                                    let s = Int(tok[t])
                                    if last[s] != c32 {
                                        last[s] = c32
                                        chunk[Int(next[s])] = c32
                                        frequency[Int(next[s])] = 1
                                        next[s] += 1
                                    } else {
                                        let n = Int(next[s]) - 1
                                        if frequency[n] < UInt16.max { frequency[n] += 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        self.passageText = passageText
        self.passageKind = passageKind
        self.passageOrigin = basis.passages.map(\.origin)
        self.surfaces = surfaces
        self.surfaceMask = surfaceMask
        self.acronyms = acronyms
        self.acronymMask = acronymMask
        self.stems = stems
        self.tokens = tokens
        self.strideStart = strideStart
        self.passageFirstStride = passageFirstStride
        self.passageFirstToken = passageFirstToken
        self.chunkFirstToken = chunkFirstToken
        self.chunkPassage = chunkPassage
        let chunkCount = max(1, chunkFirstToken.count - 1)
        let averageChunkLength = Float(tokens.count) / Float(chunkCount)
        self.chunkLengthFactor = (0..<max(0, chunkFirstToken.count - 1)).map { c in
            let length = Float(chunkFirstToken[c + 1] - chunkFirstToken[c])
            return 1.2 * (0.25 + 0.75 * length / averageChunkLength)
        }
        self.positionStart = positionStart
        self.positions = positions
        self.chunkPostingStart = chunkPostingStart
        self.chunkPostingChunk = chunkPostingChunk
        self.chunkPostingFrequency = chunkPostingFrequency
        self.numbers = numbers
        self.hours = hours
        self.negationStems = Set(WordForms.negations.compactMap { stems.lookup(WordForms.stem(Array($0.utf8))) })
    }

    // MARK: - Lookups

    /// Number of distinct stems.
    var stemCount: Int { stems.count }

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

    /// The stem id of a lower-cased word, stemmed without allocating.
    func stemID(_ lowered: UnsafeBufferPointer<UInt8>) -> Int32? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lowered.count + 1) { out in
            let n = WordForms.stem(lowered, into: out)
            return stems.lookup(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }

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

    func positionCount(_ s: Int32) -> Int { Int(positionStart[Int(s) + 1] - positionStart[Int(s)]) }

    /// Kinds holding a number; `aboutTimes` lets the hours of the basis's times count.
    func numberKinds(_ keys: [NumberKey], aboutTimes: Bool = false) -> UInt8 {
        keys.reduce(0) { $0 | (numbers[$1] ?? 0) | (aboutTimes ? hours[$1] ?? 0 : 0) }
    }

    // MARK: - BM25

    /// The best chunks for a bag of stems, best first (BM25, k1 = 1.2, b = 0.75).
    func search(_ query: [Int32], limit: Int) -> [(chunk: Int, score: Float)] {
        let n = Float(chunkCount)
        guard n > 0, !query.isEmpty else { return [] }
        var scores = [Float](repeating: 0, count: chunkCount)
        var touched: [Int] = []
        for s in Set(query) {
            let lo = Int(chunkPostingStart[Int(s)]), hi = Int(chunkPostingStart[Int(s) + 1])
            let df = Float(hi - lo)
            guard df > 0 else { continue }
            let idf = logf(1 + (n - df + 0.5) / (df + 0.5))
            for k in lo..<hi {
                let c = Int(chunkPostingChunk[k])
                let tf = Float(chunkPostingFrequency[k])
                let norm = tf * 2.2 / (tf + chunkLengthFactor[c])
                if scores[c] == 0 { touched.append(c) }
                scores[c] += idf * norm
            }
        }
        // Top `limit` by score, ties to the earlier chunk (deterministic).
        var best: [(chunk: Int, score: Float)] = []
        for c in touched {
            let score = scores[c]
            if best.count == limit, let last = best.last, score < last.score || (score == last.score && c > last.chunk) { continue }
            let at = best.firstIndex { score > $0.score || (score == $0.score && c < $0.chunk) } ?? best.count
            best.insert((c, score), at: at)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// The stems of a chunk's tokens.
    func chunkStems(_ c: Int) -> ArraySlice<Int32> {
        tokens[Int(chunkFirstToken[c])..<Int(chunkFirstToken[c + 1])]
    }

    /// The byte range of a chunk in its passage (chunks start on stride boundaries).
    private func chunkRange(_ c: Int) -> Range<Int> {
        let p = Int(chunkPassage[c])
        let first = Int(chunkFirstToken[c]), next = Int(chunkFirstToken[c + 1])
        let count = passageText[p].utf8.count
        func byteOffset(_ t: Int) -> Int {
            Int(strideStart[Int(passageFirstStride[p]) + (t - Int(passageFirstToken[p])) / BasisIndex.chunkWords])
        }
        let lo = first < Int(passageFirstToken[p + 1]) ? byteOffset(first) : count
        let hi = next < Int(passageFirstToken[p + 1]) ? byteOffset(next) : count
        return lo..<max(lo, hi)
    }

    /// Calls `body` with the bytes of a chunk (indexed from 0).
    private func withChunkBytes<R>(_ c: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = chunkRange(c)
        let text = passageText[Int(chunkPassage[c])]
        return text.utf8.withContiguousStorageIfAvailable { body(UnsafeBufferPointer(rebasing: $0[range])) }
            ?? Array(text.utf8)[range].withUnsafeBufferPointer(body)
    }

    /// The bytes of a chunk.
    func chunkBytes(_ c: Int) -> ArraySlice<UInt8> { withChunkBytes(c) { Array($0)[...] } }

    /// The text of a chunk, whitespace collapsed, at most `limit` characters.
    func chunkText(_ c: Int, limit: Int = 400) -> String {
        BasisIndex.excerpt(chunkBytes(c), limit: limit)
    }

    /// Stems a chunk states as a key whose value is negative (`upscale: no`,
    /// `Outdoor seating [OutdoorSeating]: no`, `"music": false`): for each, the statement as
    /// written, how many such statements the chunk holds, and how many other (plain) uses.
    func keyValueNegations(_ c: Int) -> [Int32: (statement: String, negated: Int, plain: Int)] {
        withChunkBytes(c) { keyValueNegations(c, chunk: $0) }
    }

    private func keyValueNegations(_ c: Int, chunk b: UnsafeBufferPointer<UInt8>) -> [Int32: (statement: String, negated: Int, plain: Int)] {
        // Most prose has no `key: no`; a byte scan settles it.
        guard BasisIndex.mayHoldNegativeValue(b) else { return [:] }
        var out: [Int32: (statement: String, negated: Int, plain: Int)] = [:]
        let end = b.count
        ByteText.forEachWord(b) { start, stop, lowered in
            guard let valueEnd = BasisIndex.negativeValueFollows(b, stop, end),
                  let stem = stems.lookup(WordForms.stem(lowered)) else { return }
            // The statement: from the start of its line (or after `;`) to the value.
            var from = start
            while from > 0, b[from - 1] != 0x0A, b[from - 1] != 0x3B { from -= 1 }
            let statement = BasisIndex.excerpt(Array(b[from..<valueEnd])[...], limit: 120)
                .trimmingCharacters(in: CharacterSet(charactersIn: " -*"))
            out[stem] = (out[stem]?.statement ?? statement, (out[stem]?.negated ?? 0) + 1, 0)
        }
        guard !out.isEmpty else { return out }
        var total: [Int32: Int] = [:]
        for t in chunkStems(c) where out[t] != nil { total[t, default: 0] += 1 }
        for (stem, entry) in out { out[stem]!.plain = max(0, (total[stem] ?? 0) - entry.negated) }
        return out
    }

    /// How often a stem occurs in a chunk.
    func occurrences(of stem: Int32, inChunk c: Int) -> Int {
        chunkStems(c).reduce(0) { $0 + ($1 == stem ? 1 : 0) }
    }

    /// Whether `b` has a `:` or `=` followed (after spaces and quotes) by `n` or `f`, as every
    /// negative value `negativeValueFollows` accepts is.
    static func mayHoldNegativeValue(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] == 0x3A || b[i] == 0x3D {
                var j = i + 1
                while j < b.count, b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27 { j += 1 }
                if j < b.count, b[j] | 0x20 == 0x6E || b[j] | 0x20 == 0x66 { return true }
            }
            i += 1
        }
        return false
    }

    /// After `i`: optional spaces, quotes and one `[…]`, then `:` or `=`, then `no`, `false`,
    /// `none` or `not`; returns where the value ends.
    static func negativeValueFollows(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        var j = i
        func skipSpace() { while j < end, b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27 { j += 1 } }
        skipSpace()
        if j < end, b[j] == 0x5B {
            while j < end, b[j] != 0x5D, b[j] != 0x0A { j += 1 }
            j += 1
            skipSpace()
        }
        guard j < end, b[j] == 0x3A || b[j] == 0x3D else { return nil }
        j += 1
        skipSpace()
        var e = j
        while e < end, ByteText.isLetter(b[e]) { e += 1 }
        let n = e - j
        guard n >= 2, n <= 5 else { return nil }
        let word = String(decoding: b[j..<e].map(ByteText.lower), as: UTF8.self)
        return word == "no" || word == "false" || word == "none" || word == "not" ? e : nil
    }

    /// The origin and kind of a chunk.
    func chunkOrigin(_ c: Int) -> String { passageOrigin[Int(chunkPassage[c])] }
    func chunkKind(_ c: Int) -> UInt8 { passageKind[Int(chunkPassage[c])] }

    /// Whitespace collapsed to single spaces, cut at a word boundary after about `limit` bytes.
    static func excerpt(_ bytes: ArraySlice<UInt8>, limit: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(bytes.count, limit + 8))
        var pendingSpace = false
        var cut = false
        for b in bytes {
            if ByteText.isSpace(b) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace {
                if out.count >= limit { cut = true; break }
                out.append(0x20)
                pendingSpace = false
            }
            out.append(b)
        }
        if cut || out.count > limit + 40 {
            // Keep whole UTF-8 sequences: drop continuation bytes at the end.
            if out.count > limit + 40 { out.removeLast(out.count - (limit + 40)) }
            while let last = out.last, last & 0xC0 == 0x80 { out.removeLast() }
            if let last = out.last, last >= 0xC0 { out.removeLast() }
            return String(decoding: out, as: UTF8.self) + " …"
        }
        return String(decoding: out, as: UTF8.self)
    }
}

@inline(__always) private func logf(_ x: Float) -> Float { Float(log(Double(x))) }
