import EvalCrew
import Foundation
import XCTest

/// The valid suite fixtures, read into every field of `Suite` and `CrewSpec`.
final class SuiteLoaderTests: XCTestCase {
    let folder = Fixtures.path("suites")

    func load(_ name: String) throws -> Suite {
        try SuiteLoader.load(path: "\(folder)/\(name)", environment: [:])
    }

    func testNightlySuiteReadsNameHashAndCommandCrewWithTemplatesKeptVerbatim() throws {
        let suite = try load("nightly.yaml")
        XCTAssertEqual(suite.name, "nightly")
        XCTAssertEqual(suite.path, "\(folder)/nightly.yaml")
        // `sha256sum Tests/Fixtures/suites/nightly.yaml` (update both if the fixture changes).
        XCTAssertEqual(suite.contentHash, "83e513dad69842227a76a0ddf35115c8c61aeaf4ec9abbdb3b5becc0af28fcc2")
        guard case .command(let command) = suite.crew else { return XCTFail("expected a command crew, got \(String(describing: suite.crew))") }
        XCTAssertEqual(command.argv, ["python3", "-m", "blog_crew", "--topic", "{topic}", "--audience", "{audience}", "--case", "{case}"])
        XCTAssertEqual(command.environment, [CrewInput(name: "PROMPT_VERSION", value: "${PROMPT_VERSION}"),
                                             CrewInput(name: "BLOG_CREW_REPEAT", value: "{repeat}")])
        XCTAssertEqual(command.workingDirectory, "\(folder)/crew-project")
        XCTAssertEqual(command.output, .files(["output/{case}/post.md", "output/{case}.md"]))
        XCTAssertEqual(command.killGrace, 2.5)
    }

    func testNightlyDefaultsAndEachCaseOverridesMerge() throws {
        let suite = try load("nightly.yaml")
        let shared = "\(folder)/corpus/shared"
        XCTAssertEqual(suite.defaults, CaseSettings(targetWords: 900, targetMinutes: 4, wordsPerMinute: 230, platform: .devto,
                                                    allow: ["HNSW", "IVF"], sources: [shared], timeout: 600))
        XCTAssertEqual(suite.cases.map(\.id), ["vector-db-basics", "hnsw-vs-ivf", "rag-chunking"])

        let basics = suite.cases[0]
        XCTAssertEqual(basics.inputs, [CrewInput(name: "topic", value: "Vector databases explained"),
                                       CrewInput(name: "audience", value: "backend developers"),
                                       CrewInput(name: "year", value: "2025"), CrewInput(name: "draft", value: "true")])
        XCTAssertEqual(basics.topic, "Vector databases explained")
        XCTAssertEqual(basics.group, "vector-db")
        XCTAssertEqual(basics.settings, CaseSettings(targetWords: 900, targetMinutes: 4, wordsPerMinute: 230, platform: .devto,
                                                     allow: ["HNSW", "IVF"], sources: [shared, "\(folder)/corpus/vector-db/*.txt"], timeout: 600))

        let hnsw = suite.cases[1]
        XCTAssertEqual(hnsw.topic, "HNSW or IVF: choosing an index")
        XCTAssertEqual(hnsw.settings.targetWords, 1200)
        XCTAssertEqual(hnsw.settings.timeout, 900)
        XCTAssertEqual(hnsw.settings.targetMinutes, 4, "not overridden: the default")
        XCTAssertEqual(hnsw.settings.allow, ["HNSW", "IVF", "efSearch"], "a case's allow adds to the defaults'")
        XCTAssertEqual(hnsw.settings.sources, [shared, "\(folder)/corpus/vector-db/hnsw.txt", "\(folder)/corpus/vector-db/ivf.txt"])

        let chunking = suite.cases[2]
        XCTAssertNil(chunking.group)
        XCTAssertEqual(chunking.settings.platform, PlatformProfile.none)
        XCTAssertEqual(chunking.settings.sources, [shared, "\(folder)/corpus/rag"], "a single path counts as a list of one")
        XCTAssertEqual(chunking.inputs.map(\.value), ["Chunking documents for RAG", "data engineers"])
    }

    func testGatesAreKeptAsWrittenWithTheirLine() throws {
        let suite = try load("nightly.yaml")
        XCTAssertEqual(suite.gatesLine, 50)
        XCTAssertEqual(suite.gatesText, """
            gates:
              # Applied by `evalcrew gate` and `evalcrew run --gate` (docs/gates.md).
              margins: {grounding: 0.03}
              rules:
                - min(grounding.supported_sentence_ratio) >= 0.8
                - mean(length.deviation_pct) <= 15
              no-regression: [grounding, adherence]
            """)
    }

    func testHTTPCrewReadsEveryFieldAndDropsTheTrailingSlash() throws {
        let suite = try load("deployed.yaml")
        XCTAssertEqual(suite.crew, .http(HTTPCrewSpec(baseURL: "https://blog-crew-1234.crewai.com", tokenEnvironmentVariable: "CREWAI_TOKEN",
                                                      connectTimeout: 5, requestTimeout: 30, pollInterval: 2, maxPollInterval: 20,
                                                      maxAttempts: 4)))
        XCTAssertEqual(suite.cases.first?.inputs, [CrewInput(name: "topic", value: "Retrieval-augmented generation in practice"),
                                                   CrewInput(name: "tone", value: "friendly")])
        XCTAssertEqual(suite.defaults, CaseSettings())
        XCTAssertNil(suite.gatesText)
        XCTAssertNil(suite.gatesLine)
    }

    func testHTTPCrewDefaultsWhenOnlyTheURLIsGiven() throws {
        let scratch = try SuiteScratch()
        let suite = try scratch.load("""
            version: 1
            name: deployed
            crew: {http: {url: "http://127.0.0.1:8080"}}
            cases: [{id: a, inputs: {topic: T}}]
            """)
        XCTAssertEqual(suite.crew, .http(HTTPCrewSpec(baseURL: "http://127.0.0.1:8080")))
    }

    func testReplayCrewAsAMappingOrAFolderResolvesToAnAbsoluteFolder() throws {
        let suite = try load("replayed.yaml")
        XCTAssertEqual(suite.crew, .replay(ReplayCrewSpec(directory: "\(folder)/recordings/prompt-v1")))
        XCTAssertEqual(suite.defaults.targetWords, 900)

        let scratch = try SuiteScratch(files: ["recordings/v2/a.md": "# A\n"])
        let short = try scratch.load("""
            version: 1
            name: replayed
            crew: {replay: recordings/v2/}
            cases: [{id: a, inputs: {topic: T}}]
            """)
        XCTAssertEqual(short.crew, .replay(ReplayCrewSpec(directory: scratch.folder.appendingPathComponent("recordings/v2").path)))
    }

    func testCommandAsAPlainArgvListHasTheDefaults() throws {
        let scratch = try SuiteScratch()
        let suite = try scratch.load("""
            version: 1
            name: plain
            crew:
              command: [crewai, run, --topic, "{topic}", 42]
            cases:
              - id: a
                inputs: {topic: "Semicolons; quotes ' and \\" stay one argument"}
            """)
        XCTAssertEqual(suite.crew, .command(CommandCrewSpec(argv: ["crewai", "run", "--topic", "{topic}", "42"])))
        XCTAssertEqual(suite.cases.first?.topic, "Semicolons; quotes ' and \" stay one argument")
        guard case .command(let command) = suite.crew else { return }
        XCTAssertNil(command.workingDirectory, "nil: the suite file's folder")
        XCTAssertEqual(command.output, .standardOutput)
        XCTAssertEqual(command.killGrace, 5)
    }

    func testASuiteWithoutCrewLoadsForReplayDir() throws {
        let suite = try load("minimal.yaml")
        XCTAssertNil(suite.crew)
        XCTAssertEqual(suite.cases.map(\.id), ["only-case"])
        XCTAssertEqual(suite.cases.first?.settings, CaseSettings())
        XCTAssertEqual(suite.cases.first?.settings.timeout ?? CaseSettings.defaultTimeout, 1800)
    }

    func testARelativeSuitePathGivesSourcesRelativeToTheCurrentDirectory() throws {
        let scratch = try SuiteScratch(files: ["suites/docs/a.md": "Alpha.\n"])
        try scratch.write("""
            version: 1
            name: relative
            defaults: {sources: [docs, ./docs/../docs/a.md]}
            cases: [{id: a, inputs: {topic: T}}]
            """, to: "suites/relative.yaml")
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(scratch.folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let suite = try SuiteLoader.load(path: "suites/relative.yaml", environment: [:])
        XCTAssertEqual(suite.defaults.sources, ["suites/docs", "suites/docs/a.md"])
        XCTAssertEqual(try SourceLoader.load(suite.defaults.sources).documents.map(\.path), ["suites/docs/a.md"])
    }

    func testEnvironmentVariablesAndHomeInSourcePaths() throws {
        let scratch = try SuiteScratch(files: ["corpus/a.md": "Alpha.\n", "home/notes/b.md": "Beta.\n"])
        let corpus = scratch.folder.appendingPathComponent("corpus").path
        let home = scratch.folder.appendingPathComponent("home").path
        let suite = try scratch.load("""
            version: 1
            name: env-paths
            defaults: {sources: ["${CORPUS}/a.md", ~/notes]}
            cases: [{id: a, inputs: {topic: T}}]
            """, environment: ["CORPUS": corpus, "HOME": home])
        XCTAssertEqual(suite.defaults.sources, ["\(corpus)/a.md", "\(home)/notes"])
    }
}
