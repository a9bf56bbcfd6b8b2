import Foundation
import XCTest
@testable import EvalCrew

/// The stderr tail keeps the last bytes of a pipe and never starts inside a character.
final class StderrTailTests: XCTestCase {
    func testTheTailKeepsTheLastBytesAndStartsOnACharacter() throws {
        let pipe = try XCTUnwrap(GlibcExtensions.closeOnExecPipe())
        defer { close(pipe.read) }
        _ = fcntl(pipe.read, F_SETFL, fcntl(pipe.read, F_GETFL) | O_NONBLOCK)
        var tail = StderrTail(descriptor: pipe.read, limit: 101)
        // 3,000 two-byte characters, then a marker: the 101-byte cut falls inside an "é".
        let text = String(repeating: "é", count: 3000) + "end\n"
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { write(pipe.write, $0.baseAddress, min($0.count, 4096)) }
            XCTAssertGreaterThan(written, 0)
            remaining = remaining.dropFirst(written)
            _ = tail.drain()
        }
        close(pipe.write)
        while !tail.reachedEnd { _ = tail.drain() }
        XCTAssertEqual(tail.text, String(repeating: "é", count: 48) + "end\n")
    }
}
