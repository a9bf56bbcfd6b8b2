import Foundation
import XCTest
@testable import EvalCrew

/// Case ids and suite names are untrusted: none may lead a golden out of its folder.
final class GoldenNameTests: XCTestCase {
    func testNamesThatCouldLeaveTheFolderAreRejected() {
        let root = URL(fileURLWithPath: "/tmp/goldens")
        for name in ["../x", "..", ".", "a/b", "/etc", "a\\b", "", ".git", "line\nbreak", "nul\u{0}"] {
            XCTAssertThrowsError(try Goldens.folder(suite: "demo", caseID: name, root: root), name) { error in
                XCTAssertEqual(error as? GoldenError, .unsafeName(what: "case id", name: name))
            }
            XCTAssertThrowsError(try Goldens.folder(suite: name, root: root), name)
        }
        for name in ["vector-db-basics", "sqlite_wal", "Case 7", "ünïcode", "a..b"] {
            XCTAssertEqual(try Goldens.folder(suite: "demo", caseID: name, root: root).path, "/tmp/goldens/demo/\(name)")
        }
    }

    func testApprovingARunWithAnEscapingCaseIDWritesNothing() async throws {
        let folder = try StoreSamples.makeFolder()
        defer { StoreSamples.removeFolder(folder) }
        let store = try await SQLiteRunStore.open(path: folder.appendingPathComponent("evalcrew.db").path)
        let run = try await GoldenSamples.storedRun([GoldenSamples.scoredCase("fine"), GoldenSamples.scoredCase("../escaped")], in: store)
        let root = folder.appendingPathComponent("goldens")
        do {
            _ = try await GoldenApprover.approve(run, store: store, root: root)
            XCTFail("approved a case named ../escaped")
        } catch {
            XCTAssertEqual(error, .unsafeName(what: "case id", name: "../escaped"))
            XCTAssertTrue("\(error)".contains("'../escaped' cannot name a goldens folder"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("escaped").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path), "nothing is written when any name is unsafe")
        do {
            _ = try await GoldenApprover.approve(run, store: store, cases: ["../x"], root: root)
            XCTFail("approved --case ../x")
        } catch {
            XCTAssertEqual(error, .unsafeName(what: "case id", name: "../x"))
        }
        await store.close()
    }
}
