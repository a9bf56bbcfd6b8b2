import Foundation
import XCTest
@testable import EvalCrew

/// The test crew (`Tests/Fixtures/test-crew/testcrew.py`) and what the crew tests share.
enum TestCrew {
    static let script = Fixtures.path("test-crew/testcrew.py")

    /// A command adapter running `python3 testcrew.py MODE ARGS…`.
    static func adapter(_ mode: String, _ arguments: [String] = [], environment: [CrewInput] = [],
                        workingDirectory: String? = nil, output: CommandOutput = .standardOutput, killGrace: Double = 0.5,
                        baseDirectory: String = Fixtures.path("test-crew"),
                        evalcrewEnvironment: [String: String] = ProcessInfo.processInfo.environment) -> CommandCrewAdapter {
        let spec = CommandCrewSpec(argv: ["python3", script, mode] + arguments, environment: environment,
                                   workingDirectory: workingDirectory, output: output, killGrace: killGrace)
        return CommandCrewAdapter(spec: spec, baseDirectory: baseDirectory, environment: evalcrewEnvironment)
    }

    /// An invocation of case `intro` (topic "Vector databases") with a trace path in `folder`.
    static func invocation(_ folder: URL, caseID: String = "intro", repeatIndex: Int = 1, timeout: Double = 10,
                           inputs: [CrewInput] = [CrewInput(name: "topic", value: "Vector databases")]) -> CrewInvocation {
        CrewInvocation(caseID: caseID, repeatIndex: repeatIndex, inputs: inputs, timeout: timeout,
                       tracePath: folder.appendingPathComponent("traces/\(caseID)@\(repeatIndex).jsonl").path)
    }

    /// The native fixture run's files.
    static func native(_ file: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crewai-1.15.30/native/\(file)")))
    }

    /// Whether process `pid` has ended (gone, or a zombie nobody has reaped yet), waiting up to 5 s
    /// for a signal already sent to take effect.
    static func hasEnded(_ pid: Int32) async -> Bool {
        for _ in 0..<100 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            // The state follows the parenthesised command name, which may itself hold spaces.
            if let close = stat.lastIndex(of: ")") {
                let state = stat[stat.index(close, offsetBy: 2)]
                if state == "Z" || state == "X" { return true }
            }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return false
    }

    /// The pid a test-crew mode wrote to `file`.
    static func pid(in file: URL) throws -> Int32 {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try XCTUnwrap(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), "pid file holds '\(text)'")
    }
}

/// A temporary folder for one test, removed by `tearDown`.
class TemporaryFolderTestCase: XCTestCase {
    private(set) var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-crew-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Writes `contents` to `relative` inside the folder, making its parent folders.
    @discardableResult
    func write(_ relative: String, _ contents: Data) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url)
        return url
    }
}
