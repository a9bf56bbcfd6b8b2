/// A quoted piece of evidence the planner wants the post to use.
public struct PlannedEvidence: Sendable, Equatable, Codable {
    /// The text inside the quotes, verbatim.
    public var text: String
    /// The number of the section it belongs to; nil for global evidence (e.g. "Content Elements").
    public var section: Int?
    /// 1-based line in the blueprint where the quote starts.
    public var line: Int

    public init(text: String, section: Int?, line: Int) {
        self.text = text
        self.section = section
        self.line = line
    }
}
