import Foundation
import Synchronization
import XCTest
@testable import EvalCrew

/// The kickoff API stand-in `Tests/Fixtures/kickoff-server/server.py` on 127.0.0.1.
///
/// One server serves a test class (Python's start-up is the slow part); each test talks to it
/// under a path prefix of its own, so counters and request logs never mix. Closing its stdin
/// ends it; it also ends by itself after a minute, so it never outlives the tests.
final class HTTPKickoffServer: Sendable {
    let port: Int
    // Process and Pipe are not Sendable; the lock makes `stop` safe from any test's thread.
    private let process: Mutex<(process: Process, input: Pipe)>

    /// The bearer token the server's `auth` scenario accepts.
    static let token = "s3cret-token-123"

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/kickoff-server/server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let python = ProcessInfo.processInfo.environment["EVALCREW_PYTHON"] ?? "python3"
        process.arguments = [python, script.path, "--max-lifetime", "60"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first line is the port; end of file first means the server died: say why.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ServerError(message: "the kickoff server did not start (\(python) \(script.path)): \(stderr)")
        }
        self.port = port
        self.process = Mutex((process, input))
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Ends the server and waits for it.
    func stop() {
        process.withLock { running in
            try? running.input.fileHandleForWriting.close()
            if running.process.isRunning { running.process.terminate() }
            running.process.waitUntilExit()
        }
    }

    /// Every request the server received under `prefix`.
    func requests(under prefix: String) async throws -> [ReceivedRequest] {
        let library = try HTTPCurlLibrary.shared.get()
        let request = HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/_requests", headers: [], body: nil,
                                  connectTimeout: 5, timeout: 10)
        let response = try await HTTPClient(library: library).send(request).get()
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: response.body) as? [[String: Any]])
        return items.compactMap(ReceivedRequest.init).filter { $0.path.hasPrefix(prefix + "/") }
    }

    /// One request as the server logged it.
    struct ReceivedRequest {
        var method: String
        var path: String
        var authorization: String?
        var body: String?
        /// Seconds since the epoch, by the server's clock.
        var time: Double

        init?(_ item: [String: Any]) {
            guard let method = item["method"] as? String, let path = item["path"] as? String,
                  let time = item["time"] as? Double else { return nil }
            self.method = method
            self.path = path
            self.authorization = item["authorization"] as? String
            self.body = item["body"] as? String
            self.time = time
        }

        var isKickoff: Bool { path.hasSuffix("/kickoff") }
        var isStatus: Bool { path.contains("/status/") }
    }
}
