import Foundation
import XCTest

/// Runs the built `evalcrew` binary and captures what it prints.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output parsed as a JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try XCTUnwrap(object as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(200))")
        }
    }

    /// The repository root (the package directory).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `evalcrew` next to the test bundle (`swift build --build-tests` builds both), or `EVALCREW_BIN`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["EVALCREW_BIN"] { return URL(fileURLWithPath: path) }
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("evalcrew")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/evalcrew")
    }

    /// Runs `evalcrew ARGS` in the repository root; `environment` adds to (or overrides) the test's own.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        try execute(binary, arguments, stdin: stdin, environment: environment)
    }

    /// Runs another program found on PATH (python3, for checks written in Python) in the repository root.
    static func runTool(_ name: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        try execute(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, stdin: stdin)
    }

    private static func execute(_ executable: URL, _ arguments: [String], stdin: Data?,
                                environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, given in given }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let errBox = DataBox()
        let errHandle = err.fileHandleForReading
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

/// Holds bytes read on another thread; written once before `DispatchGroup.wait` returns.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
