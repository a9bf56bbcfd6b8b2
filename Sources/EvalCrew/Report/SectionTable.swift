import Foundation

/// The blueprint-vs-post section table of one case: each planned section with its word budget and
/// the post section it matched, from the adherence scorer's stored facts and the blueprint.
struct SectionTable {
    struct Row {
        var number: Int
        var planned: String
        var budget: Int?
        /// The matched post section's title (`introduction` for leading text); nil when the post lacks it.
        var postTitle: String?
        var words: Int?

        /// The share over (positive) or under the budget, when both are known.
        var deviation: Double? {
            guard let budget, budget > 0, let words else { return nil }
            return Double(words - budget) / Double(budget)
        }
    }

    var rows: [Row]
    /// Where the blueprint came from (a task name).
    var origin: String

    /// The table for a scored case; nil when the run has no blueprint outline.
    ///
    /// The adherence facts hold one line per matched section, `N. planned → “post”: words[ / budget] words`;
    /// each planned section of the blueprint is looked up by its own prefix, so titles holding `→` or `:` still read.
    init?(run: CrewRun, report: ScoreReport) {
        guard let blueprint = Evaluator.plannedBlueprint(of: run), let outline = blueprint.outline, !outline.sections.isEmpty else {
            return nil
        }
        let facts = report.scorer(AdherenceScorer.name)?.facts["sections"]?.split(separator: "\n").map(String.init) ?? []
        origin = blueprint.origin
        rows = outline.sections.enumerated().map { index, plan in
            let number = plan.number ?? index + 1
            let prefix = "\(number). \(plan.displayTitle) → “"
            var row = Row(number: number, planned: plan.displayTitle, budget: plan.budgetWords, postTitle: nil, words: nil)
            if let line = facts.first(where: { $0.hasPrefix(prefix) }) {
                let rest = line.dropFirst(prefix.count)
                let budgetSuffix = plan.budgetWords.map { " / \($0) words" } ?? " words"
                if rest.hasSuffix(budgetSuffix), let close = rest.dropLast(budgetSuffix.count).range(of: "”: ", options: .backwards) {
                    row.postTitle = String(rest[..<close.lowerBound])
                    row.words = Int(rest[close.upperBound...].prefix { $0.isNumber && $0.isASCII })
                }
            }
            return row
        }
    }
}
