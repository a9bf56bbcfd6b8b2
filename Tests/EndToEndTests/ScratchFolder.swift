import Foundation

/// A temporary folder of one test's own: suite files and stores go here, and it is removed at the end.
struct ScratchFolder {
    let url: URL

    /// The stand-in crew of the command-adapter tests (`Tests/Fixtures/test-crew/testcrew.py MODE …`).
    static let testCrew = BinaryRunner.root.appendingPathComponent("Tests/Fixtures/test-crew/testcrew.py").path

    init(_ purpose: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
