import EvalCrew
import Foundation
import XCTest

/// A temporary folder for suites written by a test, with the files they name; removed when released.
final class SuiteScratch {
    let folder: URL

    /// A fresh folder holding `files` (relative path → contents).
    init(files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, contents) in files { try write(contents, to: path) }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `contents` to `path` inside the folder and returns the file's full path.
    @discardableResult
    func write(_ contents: String, to path: String) throws -> String {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// Writes a suite and loads it.
    func load(_ yaml: String, name: String = "suite.yaml", environment: [String: String] = [:]) throws -> Suite {
        try SuiteLoader.load(path: try write(yaml, to: name), environment: environment)
    }

    /// Writes a suite that must be invalid and returns its problems (failing the test when it loads).
    func problems(_ yaml: String, name: String = "suite.yaml", environment: [String: String] = [:],
                  file: StaticString = #filePath, line: UInt = #line) throws -> [SuiteProblem] {
        let path = try write(yaml, to: name)
        do {
            let suite = try SuiteLoader.load(path: path, environment: environment)
            XCTFail("the suite loaded, but it should be invalid: \(suite.name)", file: file, line: line)
            return []
        } catch {
            guard case .invalid(let reported, let problems) = error else {
                XCTFail("expected .invalid, got \(error)", file: file, line: line)
                return []
            }
            XCTAssertEqual(reported, path, file: file, line: line)
            return problems
        }
    }
}

extension Array where Element == SuiteProblem {
    /// `(line, case, message)` of each problem, for compact assertions.
    var located: [(line: Int?, caseID: String?, message: String)] { map { ($0.line, $0.caseID, $0.message) } }

    /// The lines of the problems, in order.
    var lines: [Int?] { map(\.line) }

    /// Asserts that exactly one problem is at `line` (in `caseID`) and that its message contains every fragment.
    func assertProblem(line: Int?, caseID: String? = nil, _ fragments: String..., file: StaticString = #filePath, testLine: UInt = #line) {
        let atLine = filter { $0.line == line && $0.caseID == caseID }
        guard atLine.count == 1, let problem = atLine.first else {
            XCTFail("expected one problem at line \(line.map(String.init) ?? "-") case \(caseID ?? "-"); got \(map { $0.formatted(path: "suite") })", file: file, line: testLine)
            return
        }
        for fragment in fragments {
            XCTAssertTrue(problem.message.contains(fragment), "“\(problem.message)” lacks “\(fragment)”", file: file, line: testLine)
        }
    }
}
