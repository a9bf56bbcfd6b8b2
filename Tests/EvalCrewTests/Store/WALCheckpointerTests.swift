import Foundation
import XCTest
@testable import EvalCrew

/// The background checkpointer: the WAL reaches the store file while the store stays open, so the
/// writer never has to copy it all itself.
final class WALCheckpointerTests: XCTestCase {
    func testTheStoreFileReceivesTheWALWhileTheStoreIsOpen() async throws {
        let folder = try StoreSamples.makeFolder()
        defer { StoreSamples.removeFolder(folder) }
        let path = folder.appendingPathComponent("evalcrew.db").path
        let store = try await SQLiteRunStore.open(path: path)
        let run = try await store.beginRun(StoreSamples.newRun(planned: 40))
        let sizeAtStart = try fileSize(path)
        // 256 KB of output (64 pages) per case: 40 cases pass the 1,000 WAL frames at which a
        // background checkpoint is asked for, and nothing else copies pages into the file before close.
        let output = Data((0..<(256 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for index in 1...40 {
            let result = CaseResult(caseID: "case-\(index)", group: nil, repeatIndex: 1, status: .failed,
                                    startedAt: Date(timeIntervalSince1970: 1_760_000_000), duration: 1, exitCode: 1,
                                    stderrTail: "", error: "unreadable output", output: .file(name: "post.md", contents: output))
            try await store.recordCase(result, in: run)
        }
        try await store.waitForBackgroundCheckpoints()

        // At least the 1,000 frames (4 MB) before the first request are in the file itself.
        XCTAssertGreaterThan(try fileSize(path), sizeAtStart + 4_000_000)
        await store.close()
        let reopened = try await SQLiteRunStore.open(path: path)
        let stored = try await reopened.loadRun(run)
        XCTAssertEqual(stored.cases.count, 40)
        await reopened.close()
    }

    private func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }
}
