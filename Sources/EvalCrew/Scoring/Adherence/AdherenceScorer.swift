import Foundation

/// Checks the post against the planner's blueprint: sections found, order, budgets, key points, evidence.
public enum AdherenceScorer {
    public static let name = "adherence"
    /// A section more than this share off its budget is over or under budget.
    public static let budgetTolerance = 0.15
    /// A key point is covered when this share of its content words appears in its section.
    static let keyPointCoverage = 0.5

    public static func score(_ input: ScoringInput) -> ScorerResult {
        let primary = AdherenceMetrics.sectionsFoundRatio.name
        guard let blueprint = input.blueprint else {
            return ScorerResult(scorer: name, status: .skipped, detail: "no blueprint (give --blueprint FILE)",
                                primaryMetric: primary)
        }
        guard let outline = blueprint.outline, !outline.sections.isEmpty else {
            return ScorerResult(
                scorer: name, status: .skipped, detail: "the blueprint from \(blueprint.origin) has no outline",
                primaryMetric: primary,
                findings: [Finding(kind: "blueprint-unparseable", severity: .warning, scorer: name,
                                   message: "no outline found in the blueprint from \(blueprint.origin): expected numbered sections with titles, key points or word budgets")])
        }
        let post = input.post
        let planned = outline.sections
        let bodies = post.sections.map { Set(ContentWords.of($0.bodyText)) }
        let matches = SectionMatcher.match(planned: planned, post: post, bodies: bodies)
        var findings: [Finding] = []

        let matchedPlans = Set(matches.map(\.planned))
        for (i, plan) in planned.enumerated() where !matchedPlans.contains(i) {
            findings.append(Finding(kind: "section-missing", severity: .error, scorer: name,
                                    message: "planned section \(plan.number.map(String.init) ?? String(i + 1)) “\(plan.displayTitle)” is not in the post",
                                    match: plan.displayTitle))
        }

        let inOrder = SectionMatcher.longestIncreasingRun(matches.map(\.post))
        for (i, match) in matches.enumerated() where !inOrder.contains(i) {
            let section = post.sections[match.post]
            findings.append(Finding(kind: "section-out-of-order", severity: .warning, scorer: name,
                                    message: "“\(section.title ?? "introduction")” is planned as section \(planned[match.planned].number ?? match.planned + 1) but comes out of the blueprint's order",
                                    location: post.location(line: section.line), match: section.title))
        }

        var over = 0, under = 0
        var table: [String] = []
        for match in matches {
            let plan = planned[match.planned], section = post.sections[match.post]
            table.append("\(plan.number ?? match.planned + 1). \(plan.displayTitle) → “\(section.title ?? "introduction")”: \(section.words)\(plan.budgetWords.map { " / \($0)" } ?? "") words")
            guard let budget = plan.budgetWords, budget > 0 else { continue }
            let delta = Double(section.words - budget) / Double(budget)
            guard abs(delta) > budgetTolerance else { continue }
            if delta > 0 { over += 1 } else { under += 1 }
            findings.append(Finding(
                kind: delta > 0 ? "section-over-budget" : "section-under-budget", severity: .warning, scorer: name,
                message: "“\(section.title ?? "introduction")” has \(section.words) words against a budget of \(budget) (\(delta > 0 ? "+" : "")\(Int((delta * 100).rounded()))%, ±\(Int(budgetTolerance * 100))% allowed)",
                location: post.location(line: section.line), match: section.title))
        }

        var pointsTotal = 0, pointsCovered = 0
        let postByPlan = Dictionary(uniqueKeysWithValues: matches.map { ($0.planned, $0.post) })
        for (i, plan) in planned.enumerated() {
            let body = postByPlan[i].map { bodies[$0] } ?? []
            for point in plan.keyPoints {
                let words = ContentWords.of(point)
                guard !words.isEmpty else { continue }
                pointsTotal += 1
                if ContentWords.coverage(of: words, in: body) >= keyPointCoverage {
                    pointsCovered += 1
                } else if let s = postByPlan[i] {
                    findings.append(Finding(kind: "key-point-missing", severity: .info, scorer: name,
                                            message: "key point not covered in “\(post.sections[s].title ?? "introduction")”: \(point)",
                                            location: post.location(line: post.sections[s].line), match: point))
                }
            }
        }

        let postWords = bodies.reduce(into: Set(post.sections.flatMap { ContentWords.of($0.title ?? "") })) { $0.formUnion($1) }
        let postNumbers = Set(numbers(in: post.blocks.map(\.text).joined(separator: " ")))
        var evidenceUsed = 0
        let evidence = outline.evidence
        for item in evidence {
            let numbersUsed = Set(numbers(in: item.text)).isSubset(of: postNumbers)
            if numbersUsed && ContentWords.coverage(of: ContentWords.of(item.text), in: postWords) >= keyPointCoverage {
                evidenceUsed += 1
            } else {
                findings.append(Finding(kind: "evidence-unused", severity: .info, scorer: name,
                                        message: "planned evidence not used in the post: “\(item.text.prefix(120))”",
                                        match: item.text))
            }
        }

        var metrics = [
            MetricValue(AdherenceMetrics.sectionsFoundRatio.name, ratio(matches.count, planned.count)),
            MetricValue(AdherenceMetrics.sectionsMissing.name, Double(planned.count - matches.count)),
            MetricValue(AdherenceMetrics.orderKeptRatio.name, matches.isEmpty ? 0 : ratio(inOrder.count, matches.count)),
            MetricValue(AdherenceMetrics.sectionsOverBudget.name, Double(over)),
            MetricValue(AdherenceMetrics.sectionsUnderBudget.name, Double(under)),
        ]
        if pointsTotal > 0 {
            metrics.append(MetricValue(AdherenceMetrics.keyPointsCoveredRatio.name, ratio(pointsCovered, pointsTotal)))
        }
        if !evidence.isEmpty {
            metrics.append(MetricValue(AdherenceMetrics.evidenceUsedRatio.name, ratio(evidenceUsed, evidence.count)))
        }
        return ScorerResult(
            scorer: name, status: .scored,
            detail: "blueprint from \(blueprint.origin): \(planned.count) planned sections",
            primaryMetric: primary, metrics: metrics, findings: findings,
            facts: ["sections": table.joined(separator: "\n"), "blueprint": blueprint.origin])
    }

    private static func ratio(_ a: Int, _ b: Int) -> Double {
        b == 0 ? 0 : (Double(a) / Double(b) * 1000).rounded() / 1000
    }

    /// Digit runs in a text with separators removed (`700,000` → `700000`), for evidence matching.
    private static func numbers(in text: String) -> [String] {
        var result: [String] = [], current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c.isASCII && c.isNumber {
                current.append(c)
            } else if c == ",", !current.isEmpty, i + 1 < chars.count, chars[i + 1].isNumber {
                continue
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension PlannedSection {
    /// The title to show: the compelling title when there is one, else the outline heading.
    var displayTitle: String { compellingTitle ?? outlineTitle }
}
