import Foundation
import XCTest
@testable import EvalCrew

/// The crew project's git revision: HEAD, `-dirty` with uncommitted changes, nil outside git.
final class CrewProjectTests: TemporaryFolderTestCase {
    @discardableResult
    private func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("git is not usable here (git \(arguments.joined(separator: " ")) failed)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testTheRevisionIsHeadAndDirtyWhenTrackedFilesChanged() async throws {
        let outside = await CrewProject.gitRevision(directory: folder.path)
        XCTAssertNil(outside, "a plain folder is no git project")
        try git("init", "-q")
        let empty = await CrewProject.gitRevision(directory: folder.path)
        XCTAssertNil(empty, "a repository without commits has no revision")
        try write("crew/main.py", Data("print('crew')\n".utf8))
        try git("add", ".")
        try git("commit", "-q", "-m", "crew")
        let head = try git("rev-parse", "HEAD")
        let clean = await CrewProject.gitRevision(directory: folder.appendingPathComponent("crew").path)
        XCTAssertEqual(clean, head)
        try write("notes.txt", Data("untracked\n".utf8))
        let untracked = await CrewProject.gitRevision(directory: folder.path)
        XCTAssertEqual(untracked, head, "untracked files do not make the tree dirty")
        try write("crew/main.py", Data("print('changed prompt')\n".utf8))
        let dirty = await CrewProject.gitRevision(directory: folder.path)
        XCTAssertEqual(dirty, head + "-dirty")
    }

    func testAMissingFolderHasNoRevision() async {
        let revision = await CrewProject.gitRevision(directory: folder.appendingPathComponent("missing").path)
        XCTAssertNil(revision)
    }
}
