import Foundation
import XCTest

/// `evalcrew score --format json` output validates against `docs/score.schema.json`.
final class SchemaTests: XCTestCase {
    func testScoreOutputValidatesAgainstThePublishedSchema() throws {
        let python = ProcessInfo.processInfo.environment["EVALCREW_PYTHON"]
        let check = try BinaryRunner.runTool(python ?? "python3", ["-c", "import jsonschema"])
        if check.status != 0 {
            // `make test` installs jsonschema and sets EVALCREW_PYTHON: there a missing module is a failure.
            if python != nil { return XCTFail("EVALCREW_PYTHON=\(python!) cannot import jsonschema: \(check.stderr)") }
            throw XCTSkip("python3 with jsonschema is needed (`make test` installs it)")
        }
        let inputs: [[String]] = [
            ["Tests/Fixtures/seeds/000_b6de7b43fd6f3f83.txt"],
            ["Tests/Fixtures/seeds/001_e9839e506ff525b4.txt"],
            ["Tests/Fixtures/crewai-1.15.30/native/crew_output.model_dump_json.json", "--sources", "Tests/Fixtures/crewai-1.15.30/sources"],
        ]
        for arguments in inputs {
            let result = try BinaryRunner.run(["score"] + arguments + ["--format", "json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let validation = try BinaryRunner.runTool(python ?? "python3", ["-c", """
                import json, sys, jsonschema
                schema = json.load(open("docs/score.schema.json"))
                jsonschema.validate(json.load(sys.stdin), schema)
                """], stdin: Data(result.stdout.utf8))
            XCTAssertEqual(validation.status, 0, "\(arguments[0]): \(validation.stderr)")
        }
    }
}
