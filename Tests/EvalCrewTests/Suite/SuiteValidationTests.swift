import EvalCrew
import Foundation
import XCTest

/// Every validation rule, on suites a user would write, with the exact lines and cases reported.
final class SuiteValidationTests: XCTestCase {
    func testUnknownKeysSuggestTheClosestKnownKeyAtEveryLevel() throws {
        let problems = try SuiteScratch(files: ["docs/a.md": "A.\n"]).problems("""
            version: 1
            name: typos
            crew:
              command:
                argv: [python3, -m, blog_crew]
                kill-grace: 3
            defaults:
              source: [docs]
              timout: 600
            cases:
              - id: a
                topic: Vector databases
                inputs: {topic: Vector databases}
                sorces: [docs]
                owner: data-team
            gate: {}
            """)
        XCTAssertEqual(problems.count, 7, "\(problems)")
        problems.assertProblem(line: 6, "crew.command: unknown key `kill-grace`; did you mean `kill_grace`?")
        problems.assertProblem(line: 8, "defaults: unknown key `source`; did you mean `sources`?")
        problems.assertProblem(line: 9, "did you mean `timeout`?")
        problems.assertProblem(line: 12, caseID: "a", "unknown key `topic`", "write it under `inputs:`")
        problems.assertProblem(line: 14, caseID: "a", "unknown key `sorces`; did you mean `sources`?")
        problems.assertProblem(line: 15, caseID: "a", "unknown key `owner`; known keys: `id`, `inputs`, `group`")
        problems.assertProblem(line: 16, "unknown key `gate`; did you mean `gates`?")
    }

    func testUnknownKeysInsideHTTPAndOutputAndTopLevel() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: typos
            crew:
              http: {url: "https://crew.example.com", token: abc, max_attempt: 3}
            cases: [{id: a, inputs: {topic: T}}]
            description: nightly topics
            """)
        XCTAssertEqual(problems.located.map(\.line), [4, 4, 6])
        XCTAssertTrue(problems[0].message.contains("`token_env:`") || problems[1].message.contains("`token_env:`"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.message.contains("unknown key `max_attempt`; did you mean `max_attempts`?") })
        XCTAssertTrue(problems[2].message.contains("unknown key `description`; known keys: `version`, `name`, `crew`"))
    }

    func testDuplicateKeysAreReportedWithBothLinesAndTheRestIsStillChecked() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: duplicates
            defaults:
              words: 900
              timeout: 600
              words: 1200
            cases:
              - id: a
                inputs:
                  topic: Vector databases
                  audience: backend developers
                  topic: Vector search
              - id: b
                inputs: {topic: "HNSW or IVF", topic: "IVF or HNSW"}
                timeout: -1
            name: duplicates-again
            """)
        XCTAssertEqual(problems.count, 5, "\(problems)")
        problems.assertProblem(line: 6, "key `words` is written more than once in the same mapping (lines 4 and 6)")
        problems.assertProblem(line: 12, caseID: "a", "key `topic`", "(lines 10 and 12)")
        problems.assertProblem(line: 14, caseID: "b", "key `topic`", "(twice on line 14)")
        problems.assertProblem(line: 15, caseID: "b", "timeout: must be more than 0 seconds, found -1")
        problems.assertProblem(line: 16, "key `name`", "(lines 2 and 16)")
    }

    func testAKeyWrittenThreeTimesNamesTheFirstWithEachRepeat() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: thrice
            defaults:
              words: 900
              words: 1000
              words: 1100
            cases: [{id: a, inputs: {topic: T}}]
            """)
        XCTAssertEqual(problems.located.map(\.line), [5, 6])
        XCTAssertTrue(problems[0].message.contains("lines 4 and 5"), problems[0].message)
        XCTAssertTrue(problems[1].message.contains("lines 4 and 6"), problems[1].message)
    }

    func testQuotedDuplicateKeysAreFound() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            "name": quoted
            'name': quoted-again
            cases: [{id: a, inputs: {topic: T}}]
            """)
        XCTAssertEqual(problems.located.map(\.line), [3])
        XCTAssertTrue(problems[0].message.contains("lines 2 and 3"), problems[0].message)
    }

    func testDuplicateCaseIDsNameBothLines() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: ids
            cases:
              - id: vector-db-basics
                inputs: {topic: Vector databases explained}
              - id: rag-chunking
                inputs: {topic: Chunking for RAG}
              - id: vector-db-basics
                inputs: {topic: Vector databases, again}
            """)
        // `again` is a second key with no value: an unquoted comma in a flow mapping.
        XCTAssertEqual(problems.count, 2, "\(problems)")
        problems.assertProblem(line: 8, caseID: "vector-db-basics", "id 'vector-db-basics' is already used by the case at line 4", "make them unique")
        problems.assertProblem(line: 9, caseID: "vector-db-basics", "inputs.again: expected text, a number or a boolean, found nothing")
    }

    func testWrongTypesSayWhatWasExpectedAndWhatWasFound() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: "nightly suite"
            defaults:
              words: many
              minutes: [4]
              wpm: "250"
              platform: medium
              allow: {HNSW: yes}
            cases:
              - id: vector/db
                inputs: [topic, audience]
              - id: rag
                inputs:
                  topic: Chunking documents for RAG
                  extra: {nested: true}
                group: [a, b]
              - just a string
            """)
        XCTAssertEqual(problems.count, 11, "\(problems.map { $0.formatted(path: "suite") })")
        problems.assertProblem(line: 2, "name: 'nightly suite' may use only letters, digits")
        problems.assertProblem(line: 4, "defaults.words: expected a number, found the text 'many'")
        problems.assertProblem(line: 5, "defaults.minutes: expected a number, found a list")
        problems.assertProblem(line: 6, "defaults.wpm: expected a number, found the text '250'")
        problems.assertProblem(line: 7, "defaults.platform: expected `devto` or `none`, found 'medium'")
        problems.assertProblem(line: 8, "defaults.allow: expected a list of text, found a mapping")
        problems.assertProblem(line: 10, caseID: "#1", "id: 'vector/db' may use only letters, digits, `.`, `_` and `-`")
        problems.assertProblem(line: 11, caseID: "#1", "inputs: expected a mapping of input names to values", "found a list")
        problems.assertProblem(line: 15, caseID: "rag", "inputs.extra: expected text, a number or a boolean, found a mapping")
        // Line 16 (group) and line 17 (a case that is text) round off the eleven.
        XCTAssertTrue(problems.contains { $0.line == 16 && $0.message == "group: expected text, found a list" })
        XCTAssertTrue(problems.contains { $0.line == 17 && $0.caseID == "#3" && $0.message.contains("expected a case (a mapping with `id:` and `inputs:`), found the text 'just a string'") })
    }

    func testZeroAndNegativeNumbersAndFractionsOfWholeNumbersAreRejected() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: numbers
            crew:
              command:
                argv: [python3, run.py]
                kill_grace: -1
            defaults:
              words: 0
              minutes: -2
              timeout: 0
            cases:
              - id: a
                inputs: {topic: T}
                words: 1.5
                timeout: -30
                wpm: .inf
            """)
        XCTAssertEqual(problems.count, 7, "\(problems)")
        problems.assertProblem(line: 6, "kill_grace: seconds between TERM and KILL cannot be negative, found -1")
        problems.assertProblem(line: 8, "defaults.words: must be more than 0 words, found 0")
        problems.assertProblem(line: 9, "defaults.minutes: must be more than 0 minutes, found -2")
        problems.assertProblem(line: 10, "defaults.timeout: must be more than 0 seconds, found 0")
        problems.assertProblem(line: 14, caseID: "a", "words: expected a whole number of words, found 1.5")
        problems.assertProblem(line: 15, caseID: "a", "timeout: must be more than 0 seconds, found -30")
        problems.assertProblem(line: 16, caseID: "a", "wpm: expected a number, found the number .inf")
    }

    func testNumbersTooLargeForTheirFieldAreNamed() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: large
            defaults: {words: 99999999999999999999999, timeout: 1e400}
            cases: [{id: a, inputs: {topic: T}, words: 3000000000}]
            """)
        XCTAssertEqual(problems.count, 3, "\(problems)")
        XCTAssertEqual(problems.filter { $0.line == 3 }.map(\.message),
                       ["defaults.words: the number 99999999999999999999999 is too large",
                        "defaults.timeout: expected a number, found the number 1e400"])
        problems.assertProblem(line: 4, caseID: "a", "words: expected a whole number of words, found 3000000000")
    }

    func testMissingRequiredKeysAreNamed() throws {
        let problems = try SuiteScratch().problems("""
            crew: {replay: .}
            defaults: {words: 900}
            """)
        XCTAssertEqual(problems.count, 3, "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.line == 1 })
        XCTAssertTrue(problems[0].message.contains("missing `version:`; add `version: 1`"), problems[0].message)
        XCTAssertTrue(problems[1].message.contains("missing `name:`"), problems[1].message)
        XCTAssertTrue(problems[2].message.contains("missing `cases:`"), problems[2].message)
    }

    func testEveryCaseNeedsAnIDInputsAndATopic() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: cases
            cases:
              - inputs: {topic: No id}
              - id: no-inputs
              - id: no-topic
                inputs: {audience: ML engineers}
              - id: blank-topic
                inputs: {topic: "  "}
              - id: reserved
                inputs: {topic: T, case: other, repeat: 2}
            """)
        XCTAssertEqual(problems.count, 6, "\(problems.map { $0.formatted(path: "suite") })")
        problems.assertProblem(line: 4, caseID: "#1", "missing `id:`")
        problems.assertProblem(line: 5, caseID: "no-inputs", "missing `inputs:`", "inputs: {topic:")
        problems.assertProblem(line: 7, caseID: "no-topic", "inputs: missing `topic:`")
        problems.assertProblem(line: 9, caseID: "blank-topic", "inputs.topic: is empty")
        XCTAssertEqual(problems.filter { $0.line == 11 && $0.caseID == "reserved" }.map(\.message),
                       ["inputs: `case` is reserved (`{case}` is filled in by evalcrew); rename the input",
                        "inputs: `repeat` is reserved (`{repeat}` is filled in by evalcrew); rename the input"])
    }

    func testEmptyCasesAndCasesThatAreNotAList() throws {
        let empty = try SuiteScratch().problems("version: 1\nname: empty\ncases: []\n")
        XCTAssertEqual(empty.located.map(\.line), [3])
        XCTAssertTrue(empty[0].message.contains("cases: is empty"), empty[0].message)

        let mapping = try SuiteScratch().problems("version: 1\nname: mapping\ncases:\n  a: {inputs: {topic: T}}\n")
        XCTAssertEqual(mapping.located.map(\.line), [4])
        XCTAssertTrue(mapping[0].message.contains("cases: expected a list of cases (`- id: …`), found a mapping"), mapping[0].message)
    }

    func testAnotherVersionIsReportedAloneNamingTheVersionThisEvalcrewReads() throws {
        let problems = try SuiteScratch().problems("""
            # Written for a future evalcrew.
            version: 2
            name: future
            runners: {parallel: 8}
            cases: {}
            """)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        problems.assertProblem(line: 2, "version 2 is not supported", "reads suite version 1")

        let text = try SuiteScratch().problems("version: one\nname: v\ncases: [{id: a, inputs: {topic: T}}]\n")
        text.assertProblem(line: 1, "version: expected the number 1, found the text 'one'")
    }

    func testSourcesThatDoNotExistGlobsThatMatchNothingAndEmptyFolders() throws {
        let scratch = try SuiteScratch(files: ["corpus/shared/a.md": "A.\n", "corpus/vector-db/hnsw.txt": "HNSW.\n"])
        try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("corpus/empty"), withIntermediateDirectories: true)
        let problems = try scratch.problems("""
            version: 1
            name: paths
            defaults:
              sources: [corpus/shared, corpus/missing.md]
            cases:
              - id: vector-db
                inputs: {topic: Vector databases}
                sources:
                  - "corpus/vector-db/*.pdf"
                  - corpus/vector-db
                  - corpus/empty
                  - ""
            """)
        XCTAssertEqual(problems.count, 4, "\(problems)")
        problems.assertProblem(line: 4, "defaults.sources: 'corpus/missing.md' does not exist",
                               "(looked for \(scratch.folder.path)/corpus/missing.md)", "relative to the suite file's folder")
        problems.assertProblem(line: 9, caseID: "vector-db", "sources: glob 'corpus/vector-db/*.pdf' matches no file")
        problems.assertProblem(line: 11, caseID: "vector-db", "holds no files")
        problems.assertProblem(line: 12, caseID: "vector-db", "an item is empty")
    }

    func testAnUnsetVariableInASourcePathIsNamed() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: env
            cases:
              - id: a
                inputs: {topic: T}
                sources: ["${EVALCREW_TEST_CORPUS}/rag"]
            """, environment: ["HOME": "/root"])
        problems.assertProblem(line: 6, caseID: "a", "`${EVALCREW_TEST_CORPUS}` is not set in the environment")
    }

    func testReplayAndWorkingFoldersMustExistAndBeFolders() throws {
        let scratch = try SuiteScratch(files: ["recordings/a.md": "# A\n"])
        let missing = try scratch.problems("""
            version: 1
            name: replay
            crew:
              replay: recordings/prompt-v9
            cases: [{id: a, inputs: {topic: T}}]
            """)
        missing.assertProblem(line: 4, "crew.replay: folder 'recordings/prompt-v9' does not exist",
                              "looked for \(scratch.folder.path)/recordings/prompt-v9")
        let file = try scratch.problems("""
            version: 1
            name: replay
            crew: {replay: {dir: recordings/a.md}}
            cases: [{id: a, inputs: {topic: T}}]
            """)
        file.assertProblem(line: 3, "crew.replay: 'recordings/a.md' is a file, not a folder")
        let cwd = try scratch.problems("""
            version: 1
            name: command
            crew:
              command:
                argv: [python3, -m, blog_crew]
                cwd: ../no-such-crew
            cases: [{id: a, inputs: {topic: T}}]
            """)
        cwd.assertProblem(line: 6, "crew.command.cwd: folder '../no-such-crew' does not exist")
    }

    func testCrewNeedsExactlyOneKindAndAnArgvThatIsAList() throws {
        let scratch = try SuiteScratch(files: ["recordings/a.md": "# A\n"])
        let two = try scratch.problems("""
            version: 1
            name: two
            crew:
              command: [python3, run.py]
              replay: recordings
            cases: [{id: a, inputs: {topic: T}}]
            """)
        two.assertProblem(line: 3, "give exactly one of `command:`, `http:`, `replay:`; found `command` and `replay`")
        let none = try scratch.problems("version: 1\nname: none\ncrew: {}\ncases: [{id: a, inputs: {topic: T}}]\n")
        none.assertProblem(line: 3, "crew: give one of `command:`, `http:`, `replay:`")
        let empty = try scratch.problems("version: 1\nname: empty\ncrew:\ncases: [{id: a, inputs: {topic: T}}]\n")
        empty.assertProblem(line: 3, "crew: is empty", "--replay-dir")
        let shell = try scratch.problems("version: 1\nname: shell\ncrew: {command: \"python -m blog.main --topic {topic}\"}\ncases: [{id: a, inputs: {topic: T}}]\n")
        shell.assertProblem(line: 3, "crew.command: expected a list of arguments", "never runs a shell")
        let emptyArgv = try scratch.problems("version: 1\nname: e\ncrew:\n  command:\n    argv: []\ncases: [{id: a, inputs: {topic: T}}]\n")
        emptyArgv.assertProblem(line: 5, "crew.command.argv: is empty")
        let emptyList = try scratch.problems("version: 1\nname: e\ncrew: {command: []}\ncases: [{id: a, inputs: {topic: T}}]\n")
        emptyList.assertProblem(line: 3, "crew.command: is empty")
        let noArgv = try scratch.problems("version: 1\nname: e\ncrew:\n  command: {env: {A: b}}\ncases: [{id: a, inputs: {topic: T}}]\n")
        noArgv.assertProblem(line: 4, "crew.command: missing `argv:`")
    }

    func testCommandEnvAndOutputAreChecked() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: env
            crew:
              command:
                argv: [python3, run.py]
                env:
                  1BAD: x
                  GOOD: "${HOME"
                  LIST: [a]
                output: stderr
            cases: [{id: a, inputs: {topic: T}}]
            """)
        XCTAssertEqual(problems.count, 4, "\(problems)")
        problems.assertProblem(line: 7, "'1BAD' is not a variable name")
        problems.assertProblem(line: 8, "crew.command.env.GOOD: `${` without a closing `}`")
        problems.assertProblem(line: 9, "crew.command.env.LIST: expected text, found a list")
        problems.assertProblem(line: 10, "crew.command.output: expected `stdout` or `{files:")
        let files = try SuiteScratch().problems("""
            version: 1
            name: files
            crew:
              command: {argv: [python3, run.py], output: {files: []}}
            cases: [{id: a, inputs: {topic: T}}]
            """)
        files.assertProblem(line: 4, "crew.command.output.files: give at least one path template")
    }

    func testHTTPCrewChecksTheURLTokenVariableAndIntervals() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: http
            crew:
              http:
                url: crew.example.com/kickoff
                token_env: "my token"
                poll_interval: 10
                max_poll_interval: 5
                max_attempts: 0
            cases: [{id: a, inputs: {topic: T}}]
            """)
        XCTAssertEqual(problems.count, 4, "\(problems)")
        problems.assertProblem(line: 5, "crew.http.url: 'crew.example.com/kickoff' is not an http(s) URL")
        problems.assertProblem(line: 6, "crew.http.token_env: 'my token' is not an environment variable name")
        problems.assertProblem(line: 8, "max_poll_interval (5 s) is below poll_interval (10 s)")
        problems.assertProblem(line: 9, "crew.http.max_attempts: must be more than 0 attempts")
        let intervals = try SuiteScratch().problems("""
            version: 1
            name: http
            crew: {http: {url: "https://crew.example.com", poll_interval: 10, max_poll_interval: 5}}
            cases: [{id: a, inputs: {topic: T}}]
            """)
        intervals.assertProblem(line: 3, "max_poll_interval (5 s) is below poll_interval (10 s)")
        let noURL = try SuiteScratch().problems("version: 1\nname: h\ncrew:\n  http: {token_env: TOKEN}\ncases: [{id: a, inputs: {topic: T}}]\n")
        noURL.assertProblem(line: 4, "crew.http: missing `url:`")
    }

    func testTemplatesMustNameAnInputOfEveryCase() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: templates
            crew:
              command:
                argv: [python3, -m, blog_crew, --topic, "{topic}", --audience, "{audience}", --json, "{{literal}}"]
                env:
                  HOME_COPY: "${HOME}"
                  TONE: "{tone}"
                output: {files: ["out/{case}@{repeat}/{slug}.md"]}
            cases:
              - id: complete
                inputs: {topic: Vector databases, audience: backend developers, tone: plain, slug: vdb}
              - id: partial
                inputs: {topic: Chunking for RAG, tone: plain}
            """)
        XCTAssertEqual(problems.count, 2, "\(problems)")
        problems.assertProblem(line: 5, caseID: "partial", "crew.command.argv uses `{audience}`, but this case has no input `audience` (its inputs: topic, tone)")
        problems.assertProblem(line: 9, caseID: "partial", "crew.command.output.files uses `{slug}`")
    }

    func testNonUTF8FileNamesTheLineOfTheFirstBadByte() throws {
        let scratch = try SuiteScratch()
        let path = scratch.folder.appendingPathComponent("latin1.yaml").path
        // "Café" in Latin-1: 0xE9 alone is not UTF-8.
        let bytes = Data("version: 1\nname: latin1\ncases:\n  - id: cafe\n    inputs: {topic: Caf".utf8) + Data([0xE9]) + Data("}\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SuiteLoader.load(path: path, environment: [:])) { error in
            guard case .invalid(_, let problems) = error as? SuiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.count, 1)
            problems.assertProblem(line: 5, "not UTF-8 text (byte 68 is not valid UTF-8)")
        }
        // The fixture has the same defect on its fourth line.
        XCTAssertThrowsError(try SuiteLoader.load(path: Fixtures.path("suites/invalid/latin1.yaml"), environment: [:])) { error in
            XCTAssertEqual((error as? SuiteError)?.problems.first?.line, 4)
        }
    }

    func testYAMLSyntaxErrorsGiveTheirLine() throws {
        let flow = try SuiteScratch().problems("""
            version: 1
            name: syntax
            cases:
              - id: a
                inputs: {topic: Vector databases explained
              - id: b
            """)
        XCTAssertEqual(flow.count, 1)
        flow.assertProblem(line: 6, "not valid YAML", "from line 5")
        let tabs = try SuiteScratch().problems("version: 1\nname: tabs\ncases:\n\t- id: a\n")
        tabs.assertProblem(line: 4, "not valid YAML", "spaces, not tabs")
        let control = try SuiteScratch().problems("version: 1\nname: bell\u{7}\ncases: []\n")
        control.assertProblem(line: 2, "not readable as YAML")
    }

    func testFilesThatAreNotSuites() throws {
        let empty = try SuiteScratch().problems("# nothing yet\n")
        empty.assertProblem(line: nil, "the file holds no YAML")
        let list = try SuiteScratch().problems("- version: 1\n- name: list\n")
        list.assertProblem(line: 1, "suite: expected a mapping (`key: value` lines), found a list")
        let markdown = try SuiteScratch().problems("A suite about vector databases\n")
        markdown.assertProblem(line: 1, "suite: expected a mapping", "found the text 'A suite about vector databases'")
        let documents = try SuiteScratch().problems("version: 1\n---\nversion: 1\n")
        documents.assertProblem(line: 2, "not valid YAML", "found another document")
    }

    func testUnreadableFiles() throws {
        let scratch = try SuiteScratch()
        XCTAssertThrowsError(try SuiteLoader.load(path: scratch.folder.appendingPathComponent("missing.yaml").path, environment: [:])) { error in
            guard case .unreadable(_, let reason) = error as? SuiteError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("no such file"), reason)
        }
        XCTAssertThrowsError(try SuiteLoader.load(path: scratch.folder.path, environment: [:])) { error in
            guard case .unreadable(_, let reason) = error as? SuiteError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("it is a folder"), reason)
        }
    }

    func testProblemsAreListedInFileOrderAndFormattedWithFileLineAndCase() throws {
        let scratch = try SuiteScratch()
        let path = try scratch.write("""
            version: 1
            name: order
            cases:
              - id: a
                inputs: {topic: T}
                words: none
            defaults: {timeout: 0}
            """, to: "order.yaml")
        XCTAssertThrowsError(try SuiteLoader.load(path: path, environment: [:])) { error in
            XCTAssertEqual("\(error)", """
                \(path):6: case 'a': words: expected a number, found the text 'none'
                \(path):7: defaults.timeout: must be more than 0 seconds, found 0
                """)
        }
    }

    func testYAMLMergeKeysAreExplained() throws {
        let problems = try SuiteScratch().problems("""
            version: 1
            name: merge
            shared: &shared {words: 900}
            cases:
              - id: a
                <<: *shared
                inputs: {topic: T}
            """)
        XCTAssertEqual(problems.count, 2, "\(problems)")
        problems.assertProblem(line: 3, "unknown key `shared`")
        problems.assertProblem(line: 6, caseID: "a", "YAML merge keys (`<<`) are not supported")
    }

    func testTemplatesAreReadAsTheCommandAdapterReadsThem() throws {
        // Each of these fails every case at run time; the check must say so before any crew runs.
        let problems = try SuiteScratch().problems("""
            version: 1
            name: templates
            crew:
              command:
                argv: [python3, run.py, "--topic", "{topic"]
                env:
                  LEFT: "a } b"
                  NAME: "{ topic }"
                output: {files: ["out/${1BAD}/post.md"]}
            cases: [{id: a, inputs: {topic: T}}]
            """)
        problems.assertProblem(line: 5, "crew.command.argv: malformed template '{topic': a `{` is never closed")
        problems.assertProblem(line: 7, "crew.command.env.LEFT: malformed template 'a } b': a lone `}`")
        problems.assertProblem(line: 8, caseID: "a", "crew.command.env.NAME uses `{ topic }`, but this case has no input ` topic `")
        problems.assertProblem(line: 9, "crew.command.output.files: `${1BAD}` does not name an environment variable")
    }
}
