import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew score`: scores one crew output offline.
    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Score one crew output: length, blueprint adherence, grounding, platform rules, cost.",
            discussion: """
            INPUT is any shape a CrewAI crew produces: CrewOutput JSON, the one-line repr, a rich print \
            (any width, inside a terminal capture), plain markdown, a crew's output folder, an \
            output_log_file (.json or .txt), or the verbose stdout of `crewai run`. The shape is detected; \
            --input-format forces one.

            Grounding checks the post against its basis: the run's retrievals (tool results in the \
            output, or --trace), the --sources documents, the task descriptions and --topic. With \
            neither retrievals nor sources, the blueprint's quoted evidence stands in; with none of \
            those, grounding is skipped.

            Exit codes: 0 scored (whatever the scores); 2 usage error; 3 unreadable input.
            """)

        @Argument(help: "The crew output to score (file or folder).")
        var input: String

        @Option(name: .long, parsing: .upToNextOption, help: "Source documents: files, folders (read recursively) or quoted globs; several may follow, and the option may repeat.")
        var sources: [String] = []

        @Option(help: "A JSON-lines trace of CrewAI tool events (the run's retrievals).")
        var trace: String?

        @Option(help: "A blueprint file to check the post against (overrides the run's planning task).")
        var blueprint: String?

        @Option(help: "The crew's topic input (part of the grounding basis).")
        var topic: String?

        @Option(help: "Target prose words (default: from the task description, else the blueprint's budget).")
        var targetWords: Int?

        @Option(help: "Target read time in minutes (default: from the task description).")
        var targetMinutes: Double?

        @Option(help: "Reading rate for the prose read time.")
        var wpm: Double = 250

        @Option(help: "Platform rules to apply: \(PlatformProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
        var platform: PlatformProfile = .devto

        @Option(name: .customLong("allow"), parsing: .upToNextOption,
                help: "Terms grounding never flags, added to the built-in generic vocabulary; several may follow, and the option may repeat.")
        var allow: [String] = []

        @Option(help: "Force the input shape: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var inputFormat: InputFormat?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Flag(help: "In text output, show every finding (by default 5 of each kind per scorer).")
        var all = false

        func validate() throws {
            if let n = targetWords, n <= 0 { throw ValidationError("--target-words must be a positive number of words") }
            if let m = targetMinutes, m <= 0 { throw ValidationError("--target-minutes must be positive") }
            if wpm <= 0 { throw ValidationError("--wpm must be positive") }
        }

        func run() async throws {
            let run: CrewRun
            var blueprintInput: BlueprintInput?
            do {
                var parsed = try CrewOutputReader.read(path: input, format: inputFormat)
                if let trace {
                    parsed.retrievals = try TraceReader.read(path: trace)
                }
                run = parsed
                if let blueprint {
                    let text = try CrewOutputReader.read(path: blueprint, format: nil).post
                    blueprintInput = BlueprintInput(text: text, origin: blueprint, outline: OutlineParser.parse(text))
                }
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
            let sourceDocuments: [SourceDocument]
            do {
                let loaded = try SourceLoader.load(sources)
                sourceDocuments = loaded.documents
                for path in loaded.skipped {
                    FileHandleOutput.standardError("evalcrew: warning: skipped '\(path)' in the sources: not UTF-8 text")
                }
            } catch {
                FileHandleOutput.standardError("evalcrew: \(error)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            let options = ScoringOptions(targetWords: targetWords, targetMinutes: targetMinutes, wordsPerMinute: wpm,
                                         platform: platform, allowedTerms: allow, topic: topic)
            let report = Evaluator.score(run: run, path: input, sources: sourceDocuments, blueprint: blueprintInput,
                                         options: options)
            switch format {
            case .json:
                FileHandleOutput.standardOutput(try ReportJSON.encode(report))
            case .text:
                FileHandleOutput.standardOutput(ScoreTextRenderer(style: .forStandardOutput(), limitPerKind: all ? nil : 5).render(report))
            }
        }
    }
}

extension PlatformProfile: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
