/// The word diffs of the posts of changed cases, loaded from the store only for the cases shown.
public struct PostDiff: Sendable {
    public var caseID: String
    public var repeatA: Int
    public var repeatB: Int
    /// Nil when either post could not be loaded (a folder output without a post, a case result gone).
    public var diff: WordDiff?

    public init(caseID: String, repeatA: Int, repeatB: Int, diff: WordDiff?) {
        self.caseID = caseID
        self.repeatA = repeatA
        self.repeatB = repeatB
        self.diff = diff
    }
}

extension PostDiff {
    /// Diffs the representative repeats' posts of each of `cases` (in that order).
    public static func load(_ cases: [String], of comparison: RunComparison, from store: any RunStore) async throws(StoreError) -> [PostDiff] {
        var diffs: [PostDiff] = []
        for caseID in cases {
            let repeats = comparison.representativeRepeats[caseID] ?? RepresentativeRepeats(a: 1, b: 1)
            let old = try await store.loadCase(comparison.a.id, caseID: caseID, repeatIndex: repeats.a)?.run?.post
            let new = try await store.loadCase(comparison.b.id, caseID: caseID, repeatIndex: repeats.b)?.run?.post
            let diff = old.flatMap { old in new.map { WordDiff(old: old, new: $0) } }
            diffs.append(PostDiff(caseID: caseID, repeatA: repeats.a, repeatB: repeats.b, diff: diff))
        }
        return diffs
    }
}
