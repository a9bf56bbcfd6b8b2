import Foundation

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
}
