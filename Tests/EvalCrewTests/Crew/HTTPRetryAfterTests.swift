import Foundation
import XCTest
@testable import EvalCrew

/// `Retry-After` in both forms servers send: seconds, and an HTTP date in any of its three spellings.
final class HTTPRetryAfterTests: XCTestCase {
    /// 1994-11-06 08:49:37 GMT, the date RFC 9110 uses in its examples.
    private let date = Date(timeIntervalSince1970: 784_111_777)

    func testSecondsAreTakenAsTheyAre() {
        XCTAssertEqual(HTTPRetryAfter.delay("120", now: date), 120)
        XCTAssertEqual(HTTPRetryAfter.delay(" 3 ", now: date), 3)
        XCTAssertEqual(HTTPRetryAfter.delay("0", now: date), 0)
        XCTAssertEqual(HTTPRetryAfter.delay("-5", now: date), 0)
    }

    func testEveryHTTPDateSpellingGivesTheSecondsUntilThatDate() {
        let now = date.addingTimeInterval(-30)
        XCTAssertEqual(HTTPRetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: now), 30)
        XCTAssertEqual(HTTPRetryAfter.delay("Sunday, 06-Nov-94 08:49:37 GMT", now: now), 30)
        XCTAssertEqual(HTTPRetryAfter.delay("Sun Nov  6 08:49:37 1994", now: now), 30)
    }

    func testADateInThePastMeansNow() {
        XCTAssertEqual(HTTPRetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: date.addingTimeInterval(60)), 0)
    }

    func testAnythingElseIsIgnored() {
        XCTAssertNil(HTTPRetryAfter.delay("soon", now: date))
        XCTAssertNil(HTTPRetryAfter.delay("", now: date))
        XCTAssertNil(HTTPRetryAfter.delay("inf", now: date))
    }
}
