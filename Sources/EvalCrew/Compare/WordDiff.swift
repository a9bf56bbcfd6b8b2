/// A word-level diff of two posts: runs of kept, removed and added words, whitespace kept with each word.
public struct WordDiff: Sendable, Equatable {
    public enum Change: String, Sendable, Codable {
        case same, removed, added
    }

    /// A run of consecutive words with the same change; `text` joins them with their original spacing.
    public struct Segment: Sendable, Equatable {
        public var change: Change
        public var text: String

        public init(_ change: Change, _ text: String) {
            self.change = change
            self.text = text
        }
    }

    /// Beyond this many edits the posts are rewritten rather than edited: the diff shows old and
    /// new whole instead of spending quadratic memory on an alignment nobody could read.
    public static let maximumEdits = 2_000

    public var segments: [Segment]
    /// True when the posts differed by more than `maximumEdits` words (shown as one removal and one addition).
    public var isRewrite: Bool

    public init(segments: [Segment], isRewrite: Bool = false) {
        self.segments = segments
        self.isRewrite = isRewrite
    }

    /// Diffs `old` against `new` word by word (Myers' O(ND) algorithm on the words between common ends).
    public init(old: String, new: String) {
        let oldWords = Self.words(old), newWords = Self.words(new)
        var prefix = 0
        while prefix < oldWords.count && prefix < newWords.count && oldWords[prefix].word == newWords[prefix].word { prefix += 1 }
        var suffix = 0
        while suffix < oldWords.count - prefix && suffix < newWords.count - prefix
                && oldWords[oldWords.count - 1 - suffix].word == newWords[newWords.count - 1 - suffix].word { suffix += 1 }
        let oldMiddle = Array(oldWords[prefix..<(oldWords.count - suffix)])
        let newMiddle = Array(newWords[prefix..<(newWords.count - suffix)])

        var builder = SegmentBuilder()
        for token in oldWords[..<prefix] { builder.append(.same, token.text) }
        var rewrite = false
        if let script = MyersDiff.script(oldMiddle.map(\.word), newMiddle.map(\.word), maximumEdits: Self.maximumEdits) {
            var (i, j) = (0, 0)
            for step in script {
                switch step {
                case .keep: builder.append(.same, newMiddle[j].text); i += 1; j += 1
                case .delete: builder.append(.removed, oldMiddle[i].text); i += 1
                case .insert: builder.append(.added, newMiddle[j].text); j += 1
                }
            }
        } else {
            rewrite = true
            for token in oldMiddle { builder.append(.removed, token.text) }
            for token in newMiddle { builder.append(.added, token.text) }
        }
        for token in newWords[(newWords.count - suffix)...] { builder.append(.same, token.text) }
        self.init(segments: builder.segments, isRewrite: rewrite)
    }

    /// Whether anything changed.
    public var hasChanges: Bool { segments.contains { $0.change != .same } }

    /// Words removed and added.
    public var changedWordCounts: (removed: Int, added: Int) {
        var removed = 0, added = 0
        for segment in segments where segment.change != .same {
            let count = segment.text.split(whereSeparator: { $0.isWhitespace }).count
            if segment.change == .removed { removed += count } else { added += count }
        }
        return (removed, added)
    }

    /// The diff with unchanged runs cut to `context` words on each side of a change (`…` marks a cut).
    public func trimmed(context: Int) -> WordDiff {
        var result: [Segment] = []
        for (index, segment) in segments.enumerated() {
            guard segment.change == .same else { result.append(segment); continue }
            let words = Self.words(segment.text).map(\.text)
            let keepHead = index > 0 ? context : 0
            let keepTail = index < segments.count - 1 ? context : 0
            if words.count <= keepHead + keepTail + 1 {
                result.append(segment)
            } else {
                let head = words.prefix(keepHead).joined(), tail = words.suffix(keepTail).joined()
                // Each kept word carries its own following whitespace.
                result.append(Segment(.same, head + "… " + tail))
            }
        }
        return WordDiff(segments: result, isRewrite: isRewrite)
    }

    /// Words with their following whitespace; `word` is the comparison key.
    private static func words(_ text: String) -> [(word: Substring, text: String)] {
        var tokens: [(word: Substring, text: String)] = []
        var index = text.startIndex
        // Leading whitespace rides with the first word.
        var tokenStart = index
        while index < text.endIndex && text[index].isWhitespace { index = text.index(after: index) }
        while index < text.endIndex {
            let wordStart = index
            while index < text.endIndex && !text[index].isWhitespace { index = text.index(after: index) }
            let wordEnd = index
            while index < text.endIndex && text[index].isWhitespace { index = text.index(after: index) }
            tokens.append((text[wordStart..<wordEnd], String(text[tokenStart..<index])))
            tokenStart = index
        }
        return tokens
    }
}

/// Joins consecutive tokens with the same change into one segment.
private struct SegmentBuilder {
    var segments: [WordDiff.Segment] = []

    mutating func append(_ change: WordDiff.Change, _ text: String) {
        if let last = segments.last, last.change == change {
            segments[segments.count - 1].text += text
        } else {
            segments.append(WordDiff.Segment(change, text))
        }
    }
}

/// Myers' greedy shortest edit script (1986), keeping each round's frontier to trace the path back.
enum MyersDiff {
    enum Step: Equatable { case keep, delete, insert }

    /// The steps turning `a` into `b`; nil when more than `maximumEdits` edits are needed.
    static func script<T: Hashable>(_ a: [T], _ b: [T], maximumEdits: Int) -> [Step]? {
        // Words become integers once, so the inner loop compares Ints.
        var ids: [T: Int] = [:]
        func id(_ element: T) -> Int {
            if let known = ids[element] { return known }
            ids[element] = ids.count
            return ids.count - 1
        }
        let x = a.map(id), y = b.map(id)
        let n = x.count, m = y.count
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var i: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    i = frontier[offset + k + 1]
                } else {
                    i = frontier[offset + k - 1] + 1
                }
                var j = i - k
                while i < n && j < m && x[i] == y[j] { i += 1; j += 1 }
                frontier[offset + k] = i
                if i >= n && j >= m { return backtrack(trace, d: d, n: n, m: m, offset: offset) }
            }
        }
        return nil
    }

    /// Walks back from (n, m): `trace[d]` is the frontier before round d, so it says where round d's step came from.
    private static func backtrack(_ trace: [[Int]], d: Int, n: Int, m: Int, offset: Int) -> [Step] {
        var steps: [Step] = []
        var (i, j) = (n, m)
        var round = d
        while round > 0 || i > 0 || j > 0 {
            let k = i - j
            if round == 0 {
                // Only the initial diagonal is left.
                while i > 0 && j > 0 { steps.append(.keep); i -= 1; j -= 1 }
                break
            }
            let previous = trace[round]
            let cameFromInsert = k == -round || (k != round && previous[offset + k - 1] < previous[offset + k + 1])
            let previousK = cameFromInsert ? k + 1 : k - 1
            let previousI = previous[offset + previousK]
            let previousJ = previousI - previousK
            while i > previousI + (cameFromInsert ? 0 : 1) && j > previousJ + (cameFromInsert ? 1 : 0) {
                steps.append(.keep); i -= 1; j -= 1
            }
            if cameFromInsert { steps.append(.insert); j -= 1 } else { steps.append(.delete); i -= 1 }
            round -= 1
        }
        return steps.reversed()
    }
}
