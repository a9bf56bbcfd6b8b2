/// Whether a post kept the section structure of its golden: the same H1/H2 titles in the same order.
///
/// Titles are compared after lowercasing and collapsing whitespace, so a re-cased or re-spaced
/// heading is the same section; any other change of wording is a missing plus an added section.
public struct SectionStructure: Sendable, Equatable {
    /// The golden's H1/H2 titles, as written.
    public var golden: [String]
    /// The run's H1/H2 titles, as written.
    public var run: [String]
    /// Golden titles the run does not have (once per missing occurrence), as the golden writes them.
    public var missing: [String]
    /// Run titles the golden does not have, as the run writes them.
    public var added: [String]
    /// The titles both have come in a different order.
    public var reordered: Bool

    /// Compares the headings of the golden post with the run's.
    public init(golden goldenPost: String, run runPost: String) {
        self.init(goldenTitles: Self.titles(of: goldenPost), runTitles: Self.titles(of: runPost))
    }

    /// Compares two lists of titles.
    public init(goldenTitles: [String], runTitles: [String]) {
        golden = goldenTitles
        run = runTitles
        let goldenKeys = goldenTitles.map(Self.key), runKeys = runTitles.map(Self.key)
        // Multiset differences: a title written twice in the golden must appear twice in the run.
        var available = Dictionary(runKeys.map { ($0, 1) }, uniquingKeysWith: +)
        var keptGolden: [String] = []
        missing = []
        for (title, key) in zip(goldenTitles, goldenKeys) {
            if let count = available[key], count > 0 {
                available[key] = count - 1
                keptGolden.append(key)
            } else {
                missing.append(title)
            }
        }
        var wanted = Dictionary(goldenKeys.map { ($0, 1) }, uniquingKeysWith: +)
        var keptRun: [String] = []
        added = []
        for (title, key) in zip(runTitles, runKeys) {
            if let count = wanted[key], count > 0 {
                wanted[key] = count - 1
                keptRun.append(key)
            } else {
                added.append(title)
            }
        }
        reordered = keptGolden != keptRun
    }

    /// True when no section is missing, added or moved.
    public var isKept: Bool { missing.isEmpty && added.isEmpty && !reordered }

    /// The H1 and H2 titles of a post, in order (what `PostDocument` calls sections).
    public static func titles(of post: String) -> [String] {
        PostDocument(post).sections.compactMap { $0.level >= 1 && $0.level <= 2 ? $0.title : nil }
    }

    /// Lowercased with runs of whitespace collapsed to one space and the ends trimmed.
    static func key(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
