@testable import EvalCrew

/// Builds scoring inputs for scorer unit tests.
enum ScoringInputs {
    /// A run whose only output is `post`, with optional tasks before it and a blueprint.
    static func make(post: String, tasks: [CrewTask] = [], blueprint: String? = nil, sources: [SourceDocument] = [],
                     usage: TokenUsage? = nil, options: ScoringOptions = ScoringOptions()) -> ScoringInput {
        let run = CrewRun(format: tasks.isEmpty ? .markdown : .json,
                          tasks: tasks.isEmpty ? [] : tasks + [CrewTask(name: "final_writing_task", agent: "Writer", raw: post)],
                          finalOutput: post, usage: usage)
        return ScoringInput(run: run, post: PostDocument(post),
                            blueprint: blueprint.map { BlueprintInput(text: $0, origin: "test", outline: OutlineParser.parse($0)) },
                            sources: sources, options: options)
    }
}

extension ScorerResult {
    /// The kinds of the findings, in order.
    func kinds() -> [String] { findings.map(\.kind) }
    /// Matches of the findings of one kind.
    func matches(_ kind: String) -> [String] { findings.filter { $0.kind == kind }.compactMap(\.match) }
    /// Matches of entity and number findings, whatever the kind.
    var flagged: [String] {
        findings.filter { $0.kind != "unsupported-claim" }.compactMap(\.match)
    }
}
