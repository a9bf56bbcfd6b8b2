/// Matches a blueprint's planned sections to a post's sections one-to-one, by title and content.
struct SectionMatcher {
    /// A planned section paired with the post section that carries it.
    struct Match: Equatable {
        var planned: Int
        var post: Int
        var score: Double
    }

    /// Below this similarity a pair is not a match.
    static let threshold = 0.34

    /// Pairs planned sections with post sections, best pairs first (greedy on a similarity matrix).
    ///
    /// The similarity is the better of the outline heading and the compelling title against the
    /// post heading, raised by key-point coverage of the body; the introduction (the H1's text, or
    /// the text before the first heading) may match planned section 1 on content alone.
    /// `bodies` holds the content words of each of the post's sections (index-aligned).
    static func match(planned: [PlannedSection], post: PostDocument, bodies: [Set<String>]) -> [Match] {
        let candidates = post.sections.enumerated().filter { $0.element.level > 0 || !$0.element.blockIndices.isEmpty }
        var pairs: [Match] = []
        for (p, plan) in planned.enumerated() {
            let titles = [plan.outlineTitle, plan.compellingTitle ?? ""].map(titleWords).filter { !$0.isEmpty }
            let points = ContentWords.of(plan.keyPoints.joined(separator: " "))
            for (s, section) in candidates {
                let heading = titleWords(section.title ?? "")
                let titleScore = titles.map { similarity($0, heading) }.max() ?? 0
                let contentScore = ContentWords.coverage(of: points, in: bodies[s])
                let isIntroduction = section.level == 1 || section.level == 0
                var score = max(titleScore, 0.7 * titleScore + 0.3 * contentScore)
                if isIntroduction && p == 0 && plan.looksLikeIntroduction {
                    score = max(score, 0.4 + 0.6 * contentScore)
                }
                if score >= threshold { pairs.append(Match(planned: p, post: s, score: score)) }
            }
        }
        var usedPlanned = Set<Int>(), usedPost = Set<Int>()
        var matches: [Match] = []
        for pair in pairs.sorted(by: { $0.score != $1.score ? $0.score > $1.score : ($0.planned, $0.post) < ($1.planned, $1.post) })
        where !usedPlanned.contains(pair.planned) && !usedPost.contains(pair.post) {
            matches.append(pair)
            usedPlanned.insert(pair.planned)
            usedPost.insert(pair.post)
        }
        return matches.sorted { $0.planned < $1.planned }
    }

    /// A title's content words without numbering ("## 3. Indexing", "Section 3:").
    static func titleWords(_ title: String) -> [String] {
        ContentWords.of(title).filter { word in !word.allSatisfy(\.isNumber) && word != "section" && word != "part" }
    }

    /// Dice similarity of two word lists (as sets).
    static func similarity(_ a: [String], _ b: [String]) -> Double {
        let x = Set(a), y = Set(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return 2 * Double(x.intersection(y).count) / Double(x.count + y.count)
    }

    /// The indices (into `sequence`) of one longest strictly increasing subsequence.
    static func longestIncreasingRun(_ sequence: [Int]) -> Set<Int> {
        guard !sequence.isEmpty else { return [] }
        var length = Array(repeating: 1, count: sequence.count)
        var previous = Array(repeating: -1, count: sequence.count)
        for i in sequence.indices {
            for j in 0..<i where sequence[j] < sequence[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var i = length.indices.max { length[$0] < length[$1] }!
        var kept = Set<Int>()
        while i >= 0 {
            kept.insert(i)
            i = previous[i]
        }
        return kept
    }
}

extension PlannedSection {
    /// Whether the planner meant this section as the opening.
    var looksLikeIntroduction: Bool {
        let words = Set(ContentWords.of(outlineTitle + " " + (compellingTitle ?? "")))
        return !words.isDisjoint(with: ["introduction", "intro", "hook", "opening", "overview"])
    }
}
