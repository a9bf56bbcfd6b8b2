/// A planner's blueprint, parsed.
///
/// Produced by ``OutlineParser/parse(_:)``; the blueprint-adherence scorers compare it with the
/// writer's post (sections in order, word budgets, evidence used).
public struct Outline: Sendable, Equatable, Codable {
    /// The planned content sections, in blueprint order.
    public var sections: [PlannedSection]
    /// `Total estimated length` / `Total word count` when the planner states it.
    public var statedTotalWords: Int?
    /// Every quoted string from the blueprint's evidence items (section-level and from a
    /// "Key statistics"/"Content Elements" part), verbatim, with the section number it belongs
    /// to (nil for global).
    public var evidence: [PlannedEvidence]
    /// Suggested tags when the planner lists them (`**Suggested tags:** a, b`).
    public var suggestedTags: [String]

    public init(sections: [PlannedSection], statedTotalWords: Int? = nil,
                evidence: [PlannedEvidence] = [], suggestedTags: [String] = []) {
        self.sections = sections
        self.statedTotalWords = statedTotalWords
        self.evidence = evidence
        self.suggestedTags = suggestedTags
    }

    /// The sum of section budgets when every section has one, else statedTotalWords.
    public var totalBudgetWords: Int? {
        let budgets = sections.compactMap(\.budgetWords)
        guard !sections.isEmpty, budgets.count == sections.count else { return statedTotalWords }
        return budgets.reduce(0, +)
    }
}
