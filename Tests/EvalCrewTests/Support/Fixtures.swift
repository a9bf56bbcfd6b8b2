import Foundation
import XCTest

/// Paths and contents of the test fixtures under `Tests/Fixtures`.
enum Fixtures {
    /// `Tests/Fixtures`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The path of a fixture file, e.g. `crewai-1.15.30/native/repr_result.txt`.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The text of a fixture file.
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// A task's raw output as crewai produced it (the fixture file adds one trailing newline).
    static func taskRaw(_ variant: String, _ task: String) throws -> String {
        String(try text("crewai-1.15.30/\(variant)/task_\(task).raw.md").dropLast())
    }

    /// The Python with the test helpers (rich, pydantic, jsonschema): `make test` sets
    /// EVALCREW_PYTHON to its own environment; run by hand, `python3` on PATH.
    static var python: String { ProcessInfo.processInfo.environment["EVALCREW_PYTHON"] ?? "python3" }

    /// A missing Python helper fails the test under `make test` (which installs them) and skips it
    /// when the tests are run by hand without them.
    static func pythonMissing(_ reason: String) -> Error {
        if ProcessInfo.processInfo.environment["EVALCREW_PYTHON"] != nil {
            return PythonHelperMissing(reason: reason)
        }
        return XCTSkip("\(reason) (`make test` installs the test helpers)")
    }

    struct PythonHelperMissing: Error, CustomStringConvertible {
        var reason: String
        var description: String { "\(reason); EVALCREW_PYTHON is set, so this is a broken test environment" }
    }
}
