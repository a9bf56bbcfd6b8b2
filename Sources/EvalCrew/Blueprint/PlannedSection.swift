/// One content section a planner's blueprint asks the writer for.
public struct PlannedSection: Sendable, Equatable, Codable {
    /// The section number as written (`3` for `**3. Title**` or `### Section 3: Title`).
    public var number: Int?
    /// The numbered item's own title, without number, bold markers, and the "(Approx. N words)" part.
    public var outlineTitle: String
    /// From "Compelling Section Title:", quotes stripped.
    public var compellingTitle: String?
    /// The word budget; a range such as `250-300` gives its midpoint.
    public var budgetWords: Int?
    /// The key points, markdown markers stripped, one per bullet.
    public var keyPoints: [String]
    /// Quoted strings from the section's evidence item (the text inside the quotes).
    public var evidence: [String]
    /// File names from a `Sources:` item (`01_what_is_a_vector_database.txt`).
    public var sourceFiles: [String]
    /// 1-based line in the blueprint where the item starts.
    public var line: Int

    public init(number: Int?, outlineTitle: String, compellingTitle: String? = nil,
                budgetWords: Int? = nil, keyPoints: [String] = [], evidence: [String] = [],
                sourceFiles: [String] = [], line: Int) {
        self.number = number
        self.outlineTitle = outlineTitle
        self.compellingTitle = compellingTitle
        self.budgetWords = budgetWords
        self.keyPoints = keyPoints
        self.evidence = evidence
        self.sourceFiles = sourceFiles
        self.line = line
    }
}
