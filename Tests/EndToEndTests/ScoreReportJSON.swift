import Foundation
import XCTest

/// Read access to `evalcrew score --format json` output, for assertions.
struct ScoreReportJSON {
    let object: [String: Any]

    init(_ result: BinaryRunner.Result, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(result.status, 0, "stderr: \(result.stderr)", file: file, line: line)
        object = try result.json()
    }

    var findings: [[String: Any]] { object["findings"] as? [[String: Any]] ?? [] }

    /// The `match` values of the findings of one kind.
    func matches(_ kind: String) -> [String] {
        findings.filter { $0["kind"] as? String == kind }.compactMap { $0["match"] as? String }
    }

    func count(_ kind: String) -> Int { findings.filter { $0["kind"] as? String == kind }.count }

    func scorer(_ name: String) -> [String: Any]? {
        (object["scorers"] as? [[String: Any]])?.first { $0["scorer"] as? String == name }
    }

    func status(_ scorer: String) -> String? { self.scorer(scorer)?["status"] as? String }

    func value(_ metric: String) -> Double? {
        let scorerName = String(metric.prefix { $0 != "." })
        let metrics = scorer(scorerName)?["metrics"] as? [[String: Any]] ?? []
        return metrics.first { $0["name"] as? String == metric }?["value"] as? Double
    }

    var tasks: [[String: Any]] { object["tasks"] as? [[String: Any]] ?? [] }
    var post: [String: Any] { object["post"] as? [String: Any] ?? [:] }
}
