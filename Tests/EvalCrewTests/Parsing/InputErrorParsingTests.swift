import Foundation
import XCTest
@testable import EvalCrew

/// Bad inputs fail with an `InputError` that names the file and the place; nothing crashes,
/// nothing silently reads as an empty run.
final class InputErrorParsingTests: XCTestCase {
    private func error(_ body: () throws -> CrewRun) -> InputError? {
        do { _ = try body(); return nil } catch { return error as? InputError }
    }

    private func write(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-bad-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testBinaryInvalidUTF8EmptyAndMissing() throws {
        let binary = try write([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        XCTAssertEqual(error { try CrewOutputReader.read(path: binary) }, .binary(path: binary))
        let latin1 = try write(Array("CrewOutput(raw='caf".utf8) + [0xE9] + Array("')".utf8))
        XCTAssertEqual(error { try CrewOutputReader.read(path: latin1) }, .notUTF8(path: latin1, byteOffset: 19))
        let empty = try write(Array(" \n\n".utf8))
        XCTAssertEqual(error { try CrewOutputReader.read(path: empty) }, .empty(path: empty))
        XCTAssertEqual(error { try CrewOutputReader.read(text: "", path: "mem") }, .empty(path: "mem"))
        guard case .unreadable? = error({ try CrewOutputReader.read(path: "/nonexistent/evalcrew/x.json") }) else {
            return XCTFail("missing file")
        }
    }

    func testCutReprSaysWhatWasExpectedAndWhere() throws {
        let cut = error { try CrewOutputReader.read(text: "CrewOutput(raw='abc", path: "cut.txt") }
        XCTAssertEqual(cut, .truncated(path: "cut.txt",
                                       expected: "a closing `'` (for the string opened at line 1, column 16)", line: 1, column: 20))
        XCTAssertTrue(cut?.description.hasPrefix("cut.txt:1:20: input ends too early, expected a closing `'`") ?? false)

        let repr = try ParsingFixture.text("crewai-1.15.30/native/repr_result.txt")
        let half = String(repr.prefix(repr.count / 2))
        guard case let .truncated(path, expected, line, _)? = error({ try CrewOutputReader.read(text: half, path: "half.txt") }) else {
            return XCTFail("half a repr must be truncated")
        }
        XCTAssertEqual(path, "half.txt")
        XCTAssertEqual(line, 1)
        XCTAssertTrue(expected.contains("opened at line 1"), expected)
    }

    func testCutRichBlockPointsIntoTheOriginalLines() throws {
        let rich = try ParsingFixture.text("crewai-1.15.30/native/rich_print_result_w80.txt")
        let lines = rich.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(300).joined(separator: "\n")
        guard case let .truncated(_, expected, line, _)? = error({ try CrewOutputReader.read(text: cut, path: "cut.log") }) else {
            return XCTFail("a cut rich block must be truncated")
        }
        XCTAssertEqual(line, 300)
        XCTAssertTrue(expected.contains("TaskOutput(") || expected.contains("string") || expected.contains("list"), expected)
    }

    func testBrokenBlockIsAnErrorNotMarkdown() throws {
        let text = "Some intro\nCrewOutput(raw='x', tasks_output=[TaskOutput(raw='y' agent='z')], token_usage=None)\nbye"
        guard case let .malformed(_, format, message, line, column)? = error({ try CrewOutputReader.read(text: text, path: "b") }) else {
            return XCTFail("a broken block must not read as markdown")
        }
        XCTAssertEqual(format, "repr")
        XCTAssertEqual(line, 2)
        XCTAssertEqual(column, 54)
        XCTAssertTrue(message.contains("expected `,` or `)`"), message)
    }

    func testJSONThatIsNotACrewOutput() throws {
        guard case let .unrecognised(_, hint)? = error({ try CrewOutputReader.read(text: "{\"foo\": 1}", path: "f.json") }) else {
            return XCTFail("unrelated JSON")
        }
        XCTAssertTrue(hint.contains("`foo`"), hint)
        let tokenUsage = ParsingFixture.crew("native", "token_usage.json")
        guard case .unrecognised? = error({ try CrewOutputReader.read(path: tokenUsage) }) else { return XCTFail("token_usage.json") }
        let json = try ParsingFixture.text("crewai-1.15.30/native/crew_output.model_dump_json.json")
        let cut = String(json.prefix(5000))
        guard case let .truncated(_, _, line, _)? = error({ try CrewOutputReader.read(text: cut, path: "c.json") }) else {
            return XCTFail("cut JSON")
        }
        XCTAssertEqual(line, cut.split(separator: "\n", omittingEmptySubsequences: false).count)
        guard case .malformed? = error({ try CrewOutputReader.read(text: "{\"raw\": tru}", path: "t.json") }) else {
            return XCTFail("bad literal")
        }
    }

    func testDeepNestingFailsInsteadOfCrashing() {
        let deep = "CrewOutput(raw=" + String(repeating: "[", count: 100_000)
        guard case .malformed? = error({ try CrewOutputReader.read(text: deep, path: "deep") }) else {
            return XCTFail("deep nesting")
        }
    }

    func testForcedFormatMismatch() throws {
        guard case .unrecognised? = error({ try CrewOutputReader.read(text: "# Just a post", path: "p.md", format: .repr) }) else {
            return XCTFail("forced repr on markdown")
        }
        XCTAssertNil(CrewOutputReader.detect(text: "  \n"))
    }
}
