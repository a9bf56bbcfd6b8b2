/// Scores a crew run with every scorer and assembles the report.
public enum Evaluator {
    /// evalcrew's version.
    public static let version = "0.1.0"
    /// Changes whenever a scorer's results change for the same input (rescoring compares it).
    public static let scorerVersion = "1"
    /// The scorers in report order.
    public static let scorerNames = [LengthScorer.name, AdherenceScorer.name, GroundingScorer.name,
                                     PlatformScorer.name, CostScorer.name]

    /// Scores `run`. `blueprint` overrides the run's own planning output (`--blueprint`).
    public static func score(run: CrewRun, path: String, sources: [SourceDocument], blueprint: BlueprintInput? = nil,
                             options: ScoringOptions) -> ScoreReport {
        let post = PostDocument(run.post)
        let input = ScoringInput(run: run, post: post, blueprint: blueprint ?? plannedBlueprint(of: run),
                                 sources: sources, options: options)
        let results = [LengthScorer.score(input), AdherenceScorer.score(input), GroundingScorer.score(input),
                       PlatformScorer.score(input), CostScorer.score(input)]
        return report(input: input, path: path, results: results)
    }

    /// The planning task's output: the first task before the last whose output has an outline.
    ///
    /// A multi-task run without one still has a planning task (the first): it is returned with no
    /// outline, so adherence reports it as unparseable instead of silently skipping.
    public static func plannedBlueprint(of run: CrewRun) -> BlueprintInput? {
        let planning = run.tasks.dropLast()
        for task in planning {
            if let outline = OutlineParser.plannedOutline(task.raw) {
                return BlueprintInput(text: task.raw, origin: origin(of: task), outline: outline)
            }
        }
        return planning.first.map { BlueprintInput(text: $0.raw, origin: origin(of: $0), outline: nil) }
    }

    private static func origin(of task: CrewTask) -> String { task.name.isEmpty ? "the first task" : task.name }

    private static func report(input: ScoringInput, path: String, results: [ScorerResult]) -> ScoreReport {
        let post = input.post
        let findings = results.flatMap(\.findings).enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x.offset != y.offset ? x.offset < y.offset : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
        return ScoreReport(
            schemaVersion: ScoreReport.schemaVersion, evalcrewVersion: version, scorerVersion: scorerVersion,
            input: .init(path: path, format: input.run.format, notes: input.run.notes,
                         retrievals: input.run.retrievals.count, sources: input.sources.map(\.path)),
            tasks: input.run.tasks.map { .init(name: $0.name, agent: $0.agent, words: ProseWords.count($0.raw)) },
            blueprint: input.blueprint.map {
                .init(origin: $0.origin, sections: $0.outline?.sections.count ?? 0, budgetWords: $0.outline?.totalBudgetWords)
            },
            post: .init(words: post.words, fenceWrapper: post.fenceWrapper, hasFrontMatter: post.frontMatter != nil,
                        title: post.title,
                        sections: post.sections.map { .init(title: $0.title, level: $0.level, line: $0.line, words: $0.words) }),
            usage: input.run.usage,
            scorers: results.map { result in
                .init(scorer: result.scorer, status: result.status, detail: result.detail,
                      primaryMetric: result.primaryMetric, metrics: result.metrics,
                      findingCounts: Dictionary(grouping: result.findings, by: \.kind).mapValues(\.count),
                      facts: result.facts)
            },
            findings: findings)
    }
}
