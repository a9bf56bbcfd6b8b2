import Foundation

/// How well the basis supports one sentence, measured against its best passages.
///
/// Content words (stop words and bare numbers excluded, stemmed) are looked up in the whole
/// basis and in the top BM25 chunks; coverage is combined by `ClaimSupport.combine`, whose
/// weights were tuned on the RAGTruth development split. Two contradiction cues decide on their
/// own: a plain statement of something a key-value record negates, and opening hours the
/// record's schedule does not give for the stated weekday.
struct ClaimAssessment: Sendable {
    /// Content words in the sentence.
    var contentWords: Int
    /// Share of content words (IDF-weighted) that occur anywhere in the basis.
    var basisCoverage: Double
    /// Share of content words (IDF-weighted) that occur in the top chunks.
    var passageCoverage: Double
    /// Share of adjacent content-word pairs that also occur near each other (≤ 3 tokens) in the top chunks.
    var pairCoverage: Double
    /// The sentence contradicts the top passages (`contradiction` is set).
    var negatedWord: Bool
    /// What contradicts: the sentence's word or time (byte range in the unit) and the basis's
    /// statement — a key with a negative value the sentence states plainly ("upscale" vs
    /// "upscale: no", every occurrence of the word in the basis being such a key), or a weekday's
    /// hours that lack the time the sentence gives for that day.
    var contradiction: (word: Range<Int>, statement: String)?
    /// The best chunk and its BM25 score.
    var bestChunk: Int?
    var bestScore: Double
    /// Byte range (in the unit) from the first to the last content word the top chunks lack.
    var uncoveredSpan: Range<Int>?
    /// Combined support in 0...1.
    var support: Double
}

/// Per-chunk facts computed once per scoring run and shared by the sentences that retrieve the chunk.
struct ClaimCache {
    var keyValues: [Int: [Int32: (statement: String, negated: Int, plain: Int)]] = [:]
    var schedules: [Int: [Int: (keys: Set<NumberKey>, line: String)]] = [:]
    /// Per stem: the `generation` of the last sentence whose top chunks hold it.
    var stamp: [UInt32] = []
    var generation: UInt32 = 0
}

enum ClaimSupport {
    /// Chunks whose words count as the sentence's passage.
    static let topChunks = 3

    static func assess(_ unit: TextUnit, index: BasisIndex) -> ClaimAssessment {
        var cache = ClaimCache()
        return assess(unit, index: index, cache: &cache)
    }

    static func assess(_ unit: TextUnit, index: BasisIndex, cache: inout ClaimCache) -> ClaimAssessment {
        struct Word { var range: Range<Int>; var stem: Int32?; var negation: Bool; var weight: Double }
        var words: [Word] = []
        var negated = false
        let chunkCount = Double(max(1, index.chunkCount))
        unit.bytes.withUnsafeBufferPointer { p in
            ByteText.forEachWord(p) { start, end, lowered in
                let text = String(decoding: lowered, as: UTF8.self)
                if WordForms.negations.contains(text) { negated = true }
                guard lowered.count >= 2, !WordForms.stopWords.contains(text), !lowered.allSatisfy(ByteText.isDigit) else { return }
                let stem = index.stemID(lowered)
                let df = stem.map { Double(index.chunkFrequency($0)) } ?? 0
                // IDF weight: a word the basis lacks weighs like the rarest word it has.
                let weight = log(1 + chunkCount / (df + 0.5))
                words.append(Word(range: start..<end, stem: stem, negation: false, weight: weight))
            }
        }
        let total = words.reduce(0) { $0 + $1.weight }
        guard !words.isEmpty, total > 0 else {
            return ClaimAssessment(contentWords: 0, basisCoverage: 1, passageCoverage: 1, pairCoverage: 1,
                                   negatedWord: false, contradiction: nil, bestChunk: nil, bestScore: 0, uncoveredSpan: nil, support: 1)
        }
        let basisCovered = words.filter { $0.stem != nil }.reduce(0) { $0 + $1.weight }
        let query = words.compactMap(\.stem)
        let top = index.search(query, limit: topChunks)
        // The top chunks' stems laid end to end, with gaps so that no pair spans two chunks.
        var laid: [Int32] = []
        laid.reserveCapacity(top.count * (BasisIndex.chunkWords + 40))
        for hit in top {
            laid.append(contentsOf: index.chunkStems(hit.chunk))
            laid.append(contentsOf: repeatElement(-1, count: 4))
        }
        // Membership by a per-stem stamp (reused across sentences): no sorting or hashing per sentence.
        if cache.stamp.count != index.stemCount { cache.stamp = [UInt32](repeating: 0, count: index.stemCount); cache.generation = 0 }
        cache.generation &+= 1
        if cache.generation == 0 {
            for k in cache.stamp.indices { cache.stamp[k] = 0 }
            cache.generation = 1
        }
        let generation = cache.generation
        cache.stamp.withUnsafeMutableBufferPointer { stamp in
            for s in laid where s >= 0 { stamp[Int(s)] = generation }
        }
        let stamp = cache.stamp
        func present(_ s: Int32) -> Bool { stamp[Int(s)] == generation }
        var covered = 0.0
        var firstUncovered: Int?, lastUncovered: Int?
        for (i, w) in words.enumerated() {
            if let s = w.stem, present(s) {
                covered += w.weight
            } else {
                if firstUncovered == nil { firstUncovered = i }
                lastUncovered = i
            }
        }
        var pairs = 0, pairsCovered = 0
        if words.count >= 2 {
            for i in 0..<(words.count - 1) {
                pairs += 1
                guard let a = words[i].stem, let b = words[i + 1].stem, present(a), present(b) else { continue }
                if ClaimSupport.near(a, b, in: laid) { pairsCovered += 1 }
            }
        }
        let passageCoverage = covered / total
        var contradiction: (word: Range<Int>, statement: String)?
        if !negated, !top.isEmpty {
            let chunks = Array(Set(top.map(\.chunk))).sorted()
            var negations: [[Int32: (statement: String, negated: Int, plain: Int)]] = []
            for c in chunks {
                if cache.keyValues[c] == nil { cache.keyValues[c] = index.keyValueNegations(c) }
                negations.append(cache.keyValues[c]!)
            }
            if negations.contains(where: { !$0.isEmpty }) {
                for w in words {
                    // Names (an address's "State Street") are not attributes.
                    guard !ByteText.isUpper(unit.bytes[w.range.lowerBound]) || w.range.lowerBound == 0,
                          let s = w.stem, let statement = negations.lazy.compactMap({ $0[s]?.statement }).first else { continue }
                    // Denied wherever the top chunks use it, and nowhere in the basis used plainly
                    // (a review's "live music" is not denied by "Music: no").
                    var negated = 0, plain = false
                    for (k, c) in chunks.enumerated() {
                        if let entry = negations[k][s] { negated += entry.negated; plain = plain || entry.plain > 0 }
                        else if index.occurrences(of: s, inChunk: c) > 0 { plain = true }
                    }
                    guard !plain, index.positionCount(s) <= negated else { continue }
                    contradiction = (w.range, statement)
                    break
                }
            }
        }
        // Hours per weekday against the schedule the top passages give.
        if contradiction == nil, !top.isEmpty, unit.bytes.withUnsafeBufferPointer({ NumberScanner.scan($0) }).contains(where: \.isTime) {
            var schedule: [Int: (keys: Set<NumberKey>, line: String)] = [:]
            for hit in top.reversed() {
                if cache.schedules[hit.chunk] == nil { cache.schedules[hit.chunk] = ScheduleCheck.schedule(index.chunkBytes(hit.chunk)) }
                for (day, entry) in cache.schedules[hit.chunk]! { schedule[day] = entry }
            }
            if let (range, line) = ScheduleCheck.conflict(unit.bytes, schedule: schedule) {
                contradiction = (range, line)
            }
        }
        let negatedWord = contradiction != nil
        let pairCoverage = pairs == 0 ? passageCoverage : Double(pairsCovered) / Double(pairs)
        let basisCoverage = basisCovered / total
        let span = firstUncovered.map { words[$0].range.lowerBound..<words[lastUncovered!].range.upperBound }
        let support = combine(passage: passageCoverage, pairs: pairCoverage)
        return ClaimAssessment(contentWords: words.count, basisCoverage: basisCoverage, passageCoverage: passageCoverage,
                               pairCoverage: pairCoverage, negatedWord: negatedWord,
                               contradiction: contradiction, bestChunk: top.first?.chunk,
                               bestScore: Double(top.first?.score ?? 0), uncoveredSpan: span, support: support)
    }

    /// Whether `a` and `b` occur within 3 tokens of each other in `laid`.
    static func near(_ a: Int32, _ b: Int32, in laid: [Int32]) -> Bool {
        laid.withUnsafeBufferPointer { t in
            for x in t.indices where t[x] == a {
                let lo = max(0, x - 3), hi = min(t.count, x + 4)
                for y in lo..<hi where y != x && t[y] == b { return true }
            }
            return false
        }
    }

    /// Combined support in 0...1.
    ///
    /// Tuned on the RAGTruth development split (463 responses; grid over weights, penalties,
    /// minimum words and threshold, constrained to a clean false-positive rate under 0.25):
    /// word coverage and pair coverage of the top chunks weigh equally; whole-basis coverage, the
    /// coarse negation mismatch and the negated-pair cue added nothing once those are in (the
    /// key-value contradiction is decided on its own, see `contradiction`).
    static func combine(passage: Double, pairs: Double) -> Double {
        max(0, min(1, 0.5 * passage + 0.5 * pairs))
    }
}
