import Foundation

/// How well the basis supports one sentence, measured against its best passages.
///
/// Content words (stop words and bare numbers excluded, stemmed) are looked up in the whole
/// basis and in the top BM25 chunks; the features below are combined by `ClaimSupport.combine`, whose
/// weights were tuned on the RAGTruth development split.
struct ClaimAssessment: Sendable {
    /// Content words in the sentence.
    var contentWords: Int
    /// Share of content words (IDF-weighted) that occur anywhere in the basis.
    var basisCoverage: Double
    /// Share of content words (IDF-weighted) that occur in the top chunks.
    var passageCoverage: Double
    /// Share of adjacent content-word pairs that also occur near each other (≤ 3 tokens) in the top chunks.
    var pairCoverage: Double
    /// The sentence and its best passage disagree on negation (one says "no"/"not", the other does not).
    var negationMismatch: Bool
    /// A word pair the sentence states plainly sits next to a negation in the passage
    /// ("offers outdoor seating" vs "Outdoor seating: no").
    var negatedPair: Bool
    /// The best chunk and its BM25 score.
    var bestChunk: Int?
    var bestScore: Double
    /// Byte range (in the unit) from the first to the last content word the top chunks lack.
    var uncoveredSpan: Range<Int>?
    /// Combined support in 0...1.
    var support: Double
}

enum ClaimSupport {
    /// Chunks whose words count as the sentence's passage.
    static let topChunks = 3

    static func assess(_ unit: TextUnit, index: BasisIndex) -> ClaimAssessment {
        struct Word { var range: Range<Int>; var stem: Int32?; var negation: Bool; var weight: Double }
        var words: [Word] = []
        var negated = false
        let chunkCount = Double(max(1, index.chunkCount))
        unit.bytes.withUnsafeBufferPointer { p in
            ByteText.forEachWord(p) { start, end, lowered in
                let text = String(decoding: lowered, as: UTF8.self)
                if WordForms.negations.contains(text) { negated = true }
                guard lowered.count >= 2, !WordForms.stopWords.contains(text), !lowered.allSatisfy(ByteText.isDigit) else { return }
                let stem = index.stemID(Array(lowered))
                let df = stem.map { Double(index.chunkFrequency($0)) } ?? 0
                // IDF weight: a word the basis lacks weighs like the rarest word it has.
                let weight = log(1 + chunkCount / (df + 0.5))
                words.append(Word(range: start..<end, stem: stem, negation: false, weight: weight))
            }
        }
        let total = words.reduce(0) { $0 + $1.weight }
        guard !words.isEmpty, total > 0 else {
            return ClaimAssessment(contentWords: 0, basisCoverage: 1, passageCoverage: 1, pairCoverage: 1,
                                   negationMismatch: false, negatedPair: false, bestChunk: nil, bestScore: 0, uncoveredSpan: nil, support: 1)
        }
        let basisCovered = words.filter { $0.stem != nil }.reduce(0) { $0 + $1.weight }
        let query = words.compactMap(\.stem)
        let top = index.search(query, limit: topChunks)
        // Positions of each stem in the top chunks (chunk-local, chunks laid end to end with gaps).
        var positions: [Int32: [Int]] = [:]
        var laid: [Int32] = []
        var bestHasNegation = false
        let negationStems = Set(WordForms.negations.compactMap { index.stemID(Array($0.utf8)) })
        for (rank, hit) in top.enumerated() {
            for s in index.chunkStems(hit.chunk) {
                positions[s, default: []].append(laid.count)
                laid.append(s)
                if rank == 0, negationStems.contains(s) { bestHasNegation = true }
            }
            laid.append(contentsOf: repeatElement(-1, count: 10))
        }
        var covered = 0.0
        var firstUncovered: Int?, lastUncovered: Int?
        for (i, w) in words.enumerated() {
            if let s = w.stem, positions[s] != nil {
                covered += w.weight
            } else {
                if firstUncovered == nil { firstUncovered = i }
                lastUncovered = i
            }
        }
        var pairs = 0, pairsCovered = 0
        var negatedPair = false
        if words.count >= 2 {
            for i in 0..<(words.count - 1) {
                pairs += 1
                guard let a = words[i].stem, let b = words[i + 1].stem, let pa = positions[a], let pb = positions[b] else { continue }
                var found = false
                var negatedEverywhere = true
                for x in pa {
                    for y in pb where abs(y - x) <= 3 && y != x {
                        found = true
                        // A negation within 3 tokens after the pair (or 2 before it) in the passage.
                        let lo = max(0, min(x, y) - 2), hi = min(laid.count, max(x, y) + 4)
                        if !laid[lo..<hi].contains(where: negationStems.contains) { negatedEverywhere = false }
                    }
                }
                if found {
                    pairsCovered += 1
                    if negatedEverywhere && !negated { negatedPair = true }
                }
            }
        }
        let passageCoverage = covered / total
        let pairCoverage = pairs == 0 ? passageCoverage : Double(pairsCovered) / Double(pairs)
        let basisCoverage = basisCovered / total
        let mismatch = top.isEmpty ? false : negated != bestHasNegation
        let span = firstUncovered.map { words[$0].range.lowerBound..<words[lastUncovered!].range.upperBound }
        let support = combine(passage: passageCoverage, pairs: pairCoverage, negatedPair: negatedPair)
        return ClaimAssessment(contentWords: words.count, basisCoverage: basisCoverage, passageCoverage: passageCoverage,
                               pairCoverage: pairCoverage, negationMismatch: mismatch, negatedPair: negatedPair, bestChunk: top.first?.chunk,
                               bestScore: Double(top.first?.score ?? 0), uncoveredSpan: span, support: support)
    }

    /// Combined support in 0...1.
    ///
    /// Tuned on the RAGTruth development split (463 responses; grid over weights, penalties,
    /// minimum words and threshold, constrained to a clean false-positive rate under 0.25):
    /// word coverage and pair coverage of the top chunks weigh equally; whole-basis coverage and
    /// the coarse negation mismatch added nothing once those are in; a stated pair that the
    /// passage negates costs 0.1.
    static func combine(passage: Double, pairs: Double, negatedPair: Bool) -> Double {
        let s = 0.5 * passage + 0.5 * pairs - (negatedPair ? 0.1 : 0)
        return max(0, min(1, s))
    }
}
