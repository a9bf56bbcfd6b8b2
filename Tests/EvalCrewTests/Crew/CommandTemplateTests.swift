import Foundation
import XCTest
@testable import EvalCrew

/// Templates fill `{name}` and `${VAR}` into single argv elements and environment values, never through a shell.
final class CommandTemplateTests: TemporaryFolderTestCase {
    func testTemplatesParseIntoInputsVariablesAndLiterals() throws {
        XCTAssertEqual(try CommandTemplate.parse("--topic={topic}", field: "f"), [.literal("--topic="), .input("topic")])
        XCTAssertEqual(try CommandTemplate.parse("${API_BASE}/v1/{case}@{repeat}", field: "f"),
                       [.variable("API_BASE"), .literal("/v1/"), .input("case"), .literal("@"), .input("repeat")])
        XCTAssertEqual(try CommandTemplate.parse("{{not a template}} costs $5, ${{x}}", field: "f"),
                       [.literal("{not a template} costs $5, ${x}")])
    }

    func testMalformedTemplatesNameTheFieldAndWhy() {
        for (template, reason) in [("{topic", "a `{` is never closed"), ("a } b", "a lone `}`"), ("{}", "an empty name in `{}`"),
                                   ("{a{b}", "a `{` inside `{a{b}`")] {
            XCTAssertThrowsError(try CommandTemplate.parse(template, field: "crew.command.argv[3]")) { error in
                XCTAssertEqual(error as? CommandCrewError,
                               .malformedTemplate(template: template, field: "crew.command.argv[3]", reason: reason))
            }
        }
    }

    func testExpansionNamesAnUnknownInputOrAnUnsetVariable() {
        let values = ["topic": "LLMs", "case": "intro", "repeat": "1"]
        XCTAssertEqual(try CommandTemplate.expand("{topic}-${USER_X}", field: "f", values: values, environment: ["USER_X": "ann"]), "LLMs-ann")
        XCTAssertThrowsError(try CommandTemplate.expand("{audience}", field: "crew.command.argv[4]", values: values, environment: [:])) { error in
            XCTAssertEqual(error as? CommandCrewError,
                           .unknownPlaceholder(name: "audience", field: "crew.command.argv[4]", known: ["case", "repeat", "topic"]))
            XCTAssertTrue("\(error)".contains("unknown template `{audience}`; known names are {case}, {repeat}, {topic}"), "\(error)")
        }
        XCTAssertThrowsError(try CommandTemplate.expand("${NOT_SET}", field: "crew.command.env.KEY", values: values, environment: [:])) { error in
            XCTAssertEqual(error as? CommandCrewError, .unsetVariable(name: "NOT_SET", field: "crew.command.env.KEY"))
        }
    }

    func testInputsReachTheCrewAsWholeArgvElementsAndEnvironmentValues() async throws {
        let hostile = #"It's "quoted"; rm -rf / && echo $HOME `id` * | tee x"#
        let spec = CommandCrewSpec(
            argv: ["python3", TestCrew.script, "echo", "--topic", "{topic}", "--case={case}", "{repeat}", "{{literal}}", "${SUITE_ROOT}/data", "{audience}"],
            environment: [CrewInput(name: "CREW_TOPIC", value: "{topic}"), CrewInput(name: "API_BASE", value: "${LLM_HOST}/v1"),
                          CrewInput(name: "EMPTY", value: "")],
            workingDirectory: folder.path)
        var environment = ProcessInfo.processInfo.environment
        environment["SUITE_ROOT"] = "/srv/suite root"
        environment["LLM_HOST"] = "http://127.0.0.1:9"
        environment["EVALCREW_TRACE"] = "/somewhere/else.jsonl"  // evalcrew's own value never reaches the crew
        let adapter = CommandCrewAdapter(spec: spec, baseDirectory: "/", environment: environment)
        let invocation = TestCrew.invocation(folder, repeatIndex: 3, inputs: [CrewInput(name: "topic", value: hostile),
                                                                             CrewInput(name: "audience", value: "new  users ")])
        let outcome = await adapter.invoke(invocation)
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let echoed = try JSONSerialization.jsonObject(with: try XCTUnwrap(outcome.output?.files.first?.contents)) as? [String: Any]
        XCTAssertEqual(echoed?["argv"] as? [String],
                       ["echo", "--topic", hostile, "--case=intro", "3", "{literal}", "/srv/suite root/data", "new  users "])
        XCTAssertEqual(echoed?["cwd"] as? String, folder.path)
        let env = try XCTUnwrap(echoed?["env"] as? [String: String])
        XCTAssertEqual(env["CREW_TOPIC"], hostile)
        XCTAssertEqual(env["API_BASE"], "http://127.0.0.1:9/v1")
        XCTAssertEqual(env["EMPTY"], "")
        XCTAssertEqual(env["EVALCREW_TRACE"], invocation.tracePath)
        XCTAssertEqual(env["SUITE_ROOT"], "/srv/suite root", "the crew inherits evalcrew's environment")
    }

    func testTheCrewsPathFindsItsProgram() async throws {
        let bin = try write("venv/bin/blog-crew", Data("#!/bin/sh\necho '# from the venv crew'\n".utf8))
        chmod(bin.path, 0o755)
        let spec = CommandCrewSpec(argv: ["blog-crew"], environment: [CrewInput(name: "PATH", value: "venv/bin:${PATH}")])
        let adapter = CommandCrewAdapter(spec: spec, baseDirectory: folder.path)
        let outcome = await adapter.invoke(TestCrew.invocation(folder))
        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertEqual(outcome.output?.files.first?.contents, Data("# from the venv crew\n".utf8))
    }

    func testATemplateThatDoesNotFillFailsWithoutStartingTheCrew() async throws {
        let marker = folder.appendingPathComponent("started")
        let cases: [(CommandCrewSpec, String)] = [
            (CommandCrewSpec(argv: ["python3", TestCrew.script, "file", marker.path, "{audience}"]),
             "crew.command.argv[4]: unknown template `{audience}`"),
            (CommandCrewSpec(argv: ["python3", TestCrew.script, "file", marker.path],
                             environment: [CrewInput(name: "KEY", value: "${EVALCREW_TEST_UNSET_VARIABLE}")]),
             "crew.command.env.KEY: environment variable `EVALCREW_TEST_UNSET_VARIABLE` (written `${EVALCREW_TEST_UNSET_VARIABLE}`) is not set"),
            (CommandCrewSpec(argv: ["python3", TestCrew.script, "file", marker.path], output: .files(["out/{topic"])),
             "crew.command.output.files[0]: malformed template 'out/{topic': a `{` is never closed"),
            (CommandCrewSpec(argv: []), "the crew's command is empty"),
        ]
        for (spec, message) in cases {
            let outcome = await CommandCrewAdapter(spec: spec, baseDirectory: folder.path).invoke(TestCrew.invocation(folder))
            XCTAssertEqual(outcome.status, .failed)
            XCTAssertTrue(outcome.error?.hasPrefix(message) ?? false, outcome.error ?? "no error")
            XCTAssertNil(outcome.exitCode)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
    }
}
