import EvalCrew
import Foundation
import XCTest

/// How a case's settings come from the suite's defaults and its own overrides.
final class SuiteSettingsTests: XCTestCase {
    func testValuesReplaceTheDefaultsAndListsAddToThem() throws {
        let scratch = try SuiteScratch(files: ["shared/guide.md": "Guide.\n", "vector/hnsw.txt": "HNSW.\n", "rag/chunking.md": "Chunks.\n"])
        let root = scratch.folder.path
        let suite = try scratch.load("""
            version: 1
            name: merge
            defaults:
              words: 900
              minutes: 4
              wpm: 230
              platform: devto
              allow: [HNSW, RAG]
              sources: [shared]
              timeout: 600
            cases:
              - id: inherits
                inputs: {topic: Everything from the defaults}
              - id: overrides
                inputs: {topic: Everything overridden}
                words: 1500
                minutes: 7.5
                wpm: 200
                platform: none
                allow: [IVF, HNSW]
                sources: [vector/hnsw.txt, shared]
                timeout: 1200
              - id: adds-sources
                inputs: {topic: Only extra sources}
                sources: "rag/*.md"
            """)
        XCTAssertEqual(suite.cases[0].settings, suite.defaults)
        XCTAssertEqual(suite.cases[1].settings, CaseSettings(targetWords: 1500, targetMinutes: 7.5, wordsPerMinute: 200, platform: PlatformProfile.none,
                                                             allow: ["HNSW", "RAG", "IVF"], sources: ["\(root)/shared", "\(root)/vector/hnsw.txt"],
                                                             timeout: 1200),
                       "a term or source given twice is kept once")
        XCTAssertEqual(suite.cases[2].settings.sources, ["\(root)/shared", "\(root)/rag/*.md"])
        XCTAssertEqual(suite.cases[2].settings.targetWords, 900)
    }

    func testWithoutDefaultsACaseHasOnlyItsOwnSettings() throws {
        let scratch = try SuiteScratch(files: ["docs/a.md": "A.\n"])
        let suite = try scratch.load("""
            version: 1
            name: bare
            cases:
              - id: a
                inputs: {topic: T}
                words: 800
                sources: [docs]
            """)
        XCTAssertEqual(suite.defaults, CaseSettings())
        XCTAssertEqual(suite.cases[0].settings, CaseSettings(targetWords: 800, sources: ["\(scratch.folder.path)/docs"]))
    }

    func testTheSettingsBecomeScoringOptionsWithTheCaseTopic() throws {
        let suite = try SuiteScratch().load("""
            version: 1
            name: options
            defaults: {words: 900, minutes: 4, allow: [HNSW]}
            cases:
              - id: a
                inputs: {topic: Vector databases}
                wpm: 200
            """)
        let options = suite.cases[0].settings.scoringOptions(topic: suite.cases[0].topic)
        XCTAssertEqual(options.targetWords, 900)
        XCTAssertEqual(options.targetMinutes, 4)
        XCTAssertEqual(options.wordsPerMinute, 200)
        XCTAssertEqual(options.platform, .devto)
        XCTAssertEqual(options.allowedTerms, ["HNSW"])
        XCTAssertEqual(options.topic, "Vector databases")
    }

    func testInputsKeepTheirOrderAndScalarsTheirWrittenText() throws {
        let suite = try SuiteScratch().load("""
            version: 1
            name: inputs
            cases:
              - id: a
                inputs:
                  topic: "Vector databases: a primer"
                  year: 2025
                  ratio: 0.75
                  draft: yes
                  published: false
                  code: "007"
                  date: 2025-01-31
                  note: ""
            """)
        XCTAssertEqual(suite.cases[0].inputs.map(\.name), ["topic", "year", "ratio", "draft", "published", "code", "date", "note"])
        XCTAssertEqual(suite.cases[0].inputs.map(\.value), ["Vector databases: a primer", "2025", "0.75", "yes", "false", "007", "2025-01-31", ""])
    }
}
