import Foundation
import XCTest

/// `evalcrew run` with a deployed crew: the kickoff API stand-in on 127.0.0.1, a bearer token that
/// must never reach the store.
final class HTTPCrewRunTests: XCTestCase {
    func testAnHTTPCrewIsRunScoredAndItsTokenNeverStored() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [ProcessInfo.processInfo.environment["EVALCREW_PYTHON"] ?? "python3",
                            BinaryRunner.root.appendingPathComponent("Tests/Fixtures/kickoff-server/server.py").path,
                            "--max-lifetime", "60"]
        let input = Pipe(), output = Pipe()
        server.standardInput = input
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            try? input.fileHandleForWriting.close()  // the server ends when its stdin closes
            server.waitUntilExit()
        }
        var first = Data()
        while !first.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        let port = try XCTUnwrap(Int(String(decoding: first, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                                 "the kickoff server did not start")

        let scratch = try ScratchFolder("http")
        defer { scratch.remove() }
        let suite = try scratch.write("deployed.yaml", """
            version: 1
            name: deployed
            crew:
              http: {url: "http://127.0.0.1:\(port)/e2e/auth", token_env: CREW_TOKEN, poll_interval: 0.05}
            cases:
              - id: support
                inputs: {topic: support search, audience: support engineers}
              - id: catalog
                inputs: {topic: product catalogs, audience: shop owners}
            """)
        let store = scratch.path("evalcrew.db")
        let token = "s3cret-token-123"

        let run = try BinaryRunner.run(["run", suite, "--store", store], environment: ["CREW_TOKEN": token])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let json = try BinaryRunner.run(["runs", "show", "latest", "--store", store, "--format", "json"]).json()
        let cases = try XCTUnwrap(json["cases"] as? [[String: Any]])
        XCTAssertEqual(cases.count, 2)
        for result in cases {
            XCTAssertEqual(result["status"] as? String, "scored", "\(result["error"] ?? "")")
            let report = try XCTUnwrap(result["report"] as? [String: Any])
            XCTAssertEqual((report["input"] as? [String: Any])?["format"] as? String, "kickoff-status")
            let post = try XCTUnwrap(report["post"] as? [String: Any])
            XCTAssertGreaterThan(post["words"] as? Int ?? 0, 20)
        }

        let withoutToken = try BinaryRunner.run(["run", suite, "--store", store], environment: ["CREW_TOKEN": "wrong"])
        XCTAssertEqual(withoutToken.status, 3)
        XCTAssertTrue(withoutToken.stderr.contains("401"), withoutToken.stderr)

        for file in try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) where file.hasPrefix("evalcrew.db") {
            let bytes = try Data(contentsOf: scratch.url.appendingPathComponent(file))
            XCTAssertNil(bytes.range(of: Data(token.utf8)), "the token is in \(file)")
        }
    }
}
