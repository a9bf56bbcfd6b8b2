import Foundation
import XCTest
@testable import EvalCrew

/// The store's JSON writer produces JSON that `JSONDecoder` reads back as the same value.
final class JSONStreamEncoderTests: XCTestCase {
    private struct Awkward: Codable, Equatable {
        enum Mood: String, Codable { case calm, upset = "up-set" }
        struct Empty: Codable, Equatable {}
        struct Inner: Codable, Equatable {
            var name: String
            var values: [Double?]
        }

        var texts: [String]
        var doubles: [Double]
        var integers: [Int]
        var unsigned: UInt64
        var small: Int8
        var flag: Bool
        var missing: String?
        var present: Int?
        var mood: Mood
        var moods: [Mood: Int]
        var table: [String: [Int]]
        var nested: [[Inner]]
        var empty: Empty
        var emptyArray: [Int]
        var emptyTable: [String: String]
        var data: Data
        var date: Date
    }

    private func roundTrip<T: Codable>(_ value: T) throws -> (T, String) {
        let json = try JSONStreamEncoder.encode(value)
        // Strictly valid JSON: JSONSerialization rejects anything else.
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]), json)
        return (try StoreJSON.decode(T.self, from: json, path: "test", what: "a test value"), json)
    }

    func testAwkwardValuesRoundTrip() throws {
        let value = Awkward(
            texts: ["", "plain", "quote \" backslash \\ slash / ", "line\nfeed\r\ttab", "nul \u{0} bell \u{7} esc \u{1b} \u{1f}",
                    "Zoë ✓ 🚀 日本語", "</script>", "\u{7f}\u{85}\u{2028}"],
            doubles: [0, -0.0, 0.1, 1e-7, 1.5e300, Double.leastNonzeroMagnitude, 42, -3.25, Double.greatestFiniteMagnitude],
            integers: [0, -1, Int.min, Int.max], unsigned: UInt64.max, small: -128, flag: true, missing: nil, present: 7,
            mood: .upset, moods: [.calm: 1, .upset: 2], table: ["a": [1, 2], "b": [], "key \"quoted\"": [3]],
            nested: [[Awkward.Inner(name: "x", values: [1, nil, 2.5])], []], empty: Awkward.Empty(), emptyArray: [], emptyTable: [:],
            data: Data([0, 1, 2, 0xff]), date: Date(timeIntervalSince1970: 1_760_000_000.125))
        let (decoded, json) = try roundTrip(value)
        XCTAssertEqual(decoded, value, json)
        XCTAssertFalse(json.contains("\"missing\""), "nil optionals are left out, as JSONEncoder does")
        XCTAssertTrue(json.contains("\"empty\":{}"), json)
    }

    func testNonFiniteNumbersAreWrittenAsStrings() throws {
        let (decoded, json) = try roundTrip([Double.nan, .infinity, -.infinity, 1])
        XCTAssertEqual(json, "[\"nan\",\"inf\",\"-inf\",1.0]")
        XCTAssertTrue(decoded[0].isNaN)
        XCTAssertEqual(Array(decoded.dropFirst()), [.infinity, -.infinity, 1])
    }

    func testARealReportRoundTripsAndMatchesJSONEncoder() throws {
        let report = try StoreSamples.scoredFixture().report
        let (decoded, json) = try roundTrip(report)
        XCTAssertEqual(try ReportJSON.encode(decoded), try ReportJSON.encode(report))
        // The same JSON value as Foundation's encoder writes (key order and spacing aside).
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? NSDictionary
        let stream = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        XCTAssertNotNil(stream)
        XCTAssertEqual(stream, foundation)
        let run = try StoreSamples.scoredFixture().run
        XCTAssertEqual(try roundTrip(run).0, run)
        XCTAssertEqual(try roundTrip(run.retrievals).0, run.retrievals)
    }
}
