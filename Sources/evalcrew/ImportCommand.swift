import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew import`: outputs produced elsewhere, scored and stored as a run.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Store outputs produced elsewhere as a run of a suite.",
            discussion: """
            Each PATH is one case result: a file in any shape `score` reads, or a crew output folder. \
            Its case id is --case or its name: <case-id>.<ext> or <case-id>@<n>.<ext> for repeat n. A \
            <name>.trace.jsonl beside it is its retrieval trace.

            Exit codes: 0 every output scored; 2 usage or suite error; 3 an output was not scored or \
            names a case the suite lacks, or the store cannot be used.
            """)

        @Argument(help: "Output files or folders, one per case result.")
        var paths: [String]

        @Option(help: "The suite file the outputs belong to.")
        var suite: String

        @Option(help: "A label for the run.")
        var label: String?

        @Option(name: .customLong("case"), help: "The case id of every PATH (default: each PATH's name).")
        var caseID: String?

        @Option(name: .customLong("meta"), parsing: .upToNextOption, help: "Metadata to keep with the run, as key=value.")
        var metadata: [String] = []

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            _ = try MetadataPairs.parse(metadata)
        }

        func run() async throws {
            let suiteDefinition = try SuiteFile.load(suite)
            let plan: RunImporter.Plan
            let scorer: CaseScorer
            do {
                plan = try RunImporter.plan(paths: paths, suite: suiteDefinition, caseID: caseID)
                let ids = Set(plan.items.map(\.caseID))
                scorer = CaseScorer(sources: try CaseSources(cases: suiteDefinition.cases.filter { ids.contains($0.id) }))
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            for (path, id) in plan.unknown {
                FileHandleOutput.standardError("evalcrew: \(path): case '\(id)' is not in \(suiteDefinition.path) (its cases: \(suiteDefinition.cases.map(\.id).joined(separator: ", "))); not imported — name it <case-id>[@n].<ext> or give --case")
            }
            guard !plan.items.isEmpty else {
                FileHandleOutput.standardError("evalcrew: nothing to import")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
            let store = try await storeOptions.open(creating: true)
            let runID = try await storeCall {
                try await store.beginRun(NewRun(
                    suiteName: suiteDefinition.name, suitePath: suiteDefinition.absolutePath, suiteHash: suiteDefinition.contentHash,
                    label: label, metadata: try MetadataPairs.parse(metadata).merging(["imported": "true"]) { given, _ in given },
                    evalcrewVersion: Evaluator.version, scorerVersion: Evaluator.scorerVersion, startedAt: Date(),
                    plannedResults: plan.items.count))
            }
            var results: [CaseDigest] = []
            for item in plan.items {
                let result = RunImporter.result(for: item, suite: suiteDefinition, scorer: scorer)
                try await storeCall { try await store.recordCase(result, in: runID) }
                results.append(CaseDigest(result))
                if result.status != .scored {
                    FileHandleOutput.standardError("evalcrew: \(item.path): \(result.status.rawValue): \(result.error ?? "no detail")")
                }
            }
            try await storeCall { try await store.finishRun(runID, status: .completed, endedAt: Date()) }
            let style = Style.forStandardOutput()
            FileHandleOutput.standardOutput(RunTableRenderer(style: style).render(RunTable(results: results)) + "\n\n" +
                "imported run \(runID) (\(suiteDefinition.name)\(label.map { ", label \($0)" } ?? "")): \(results.filter { $0.status == .scored }.count)/\(results.count) scored")
            if !plan.unknown.isEmpty || results.contains(where: { $0.status != .scored }) {
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
        }
    }
}
