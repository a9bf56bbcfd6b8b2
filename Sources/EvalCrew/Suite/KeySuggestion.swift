/// The known key a mistyped one most likely meant ("did you mean `sources`?").
public enum KeySuggestion {
    /// The closest of `candidates` to `key`, when close enough to be a typo: edit distance at most a
    /// third of the longer word (at least 1), comparing without case, `-` and `_` differences.
    public static func closest(to key: String, among candidates: [String]) -> String? {
        let typed = normalised(key)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, normalised(candidate))
            let allowed = max(1, max(typed.count, candidate.count) / 3)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    private static func normalised(_ word: String) -> [Character] {
        Array(word.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
