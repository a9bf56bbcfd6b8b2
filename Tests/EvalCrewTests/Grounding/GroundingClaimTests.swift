import XCTest
@testable import EvalCrew

/// Claim-level checks: statements a structured record denies, and opening hours per weekday.
final class GroundingClaimTests: XCTestCase {
    let record = """
        Business name: Zorblax Diner
        Hours:
        - Monday: 0:00-0:00
        - Tuesday: 11:00-21:00
        - Wednesday: 11:00-21:00
        - Thursday: 11:00-21:00
        - Friday: 11:00-22:00
        - Saturday: 11:00-22:00
        - Sunday: 12:00-20:00
        Attributes:
        - Outdoor seating [OutdoorSeating]: no
        - WiFi: free
        - Ambience: romantic: no; intimate: no; upscale: no; casual: yes
        """

    private func claims(_ post: String) -> [Finding] {
        groundingScore(post, sources: [record]).findings.filter { $0.kind == "unsupported-claim" }
    }

    func testStatementTheRecordDeniesIsUnsupported() {
        let found = claims("Zorblax Diner offers outdoor seating and free WiFi.")
        XCTAssertEqual(found.compactMap(\.match), ["seating"])
        XCTAssertTrue(found[0].message.contains("Outdoor seating [OutdoorSeating]: no"), found[0].message)
        XCTAssertEqual(claims("The ambience is upscale.").compactMap(\.match), ["upscale"])
        // Negated or matching statements are fine.
        XCTAssertEqual(claims("Zorblax Diner does not offer outdoor seating, but WiFi is free.").count, 0)
        XCTAssertEqual(claims("The ambience is casual.").count, 0)
    }

    func testHoursPerWeekdayAreCheckedAgainstTheSchedule() {
        // Monday is 0:00-0:00: "Monday to Saturday from 11 am" contradicts it.
        let wrong = claims("It is open Monday to Saturday from 11 am to 9 pm.")
        XCTAssertEqual(wrong.compactMap(\.match), ["11 am"])
        XCTAssertTrue(wrong[0].message.contains("Monday: 0:00-0:00"), wrong[0].message)
        // Times before or after their days, a later clause overriding an earlier one.
        XCTAssertEqual(claims("It is open from 11 am to 9 pm Tuesday to Thursday, and until 10 pm on Fridays and Saturdays.").count, 0)
        XCTAssertEqual(claims("On Sunday it opens at 12 pm and closes at 8 pm.").count, 0)
        XCTAssertEqual(claims("On Sunday it opens at 12 pm and closes at 7 pm.").compactMap(\.match), ["7 pm"])
    }

    func testEvidenceNamesTheNearestPassage() {
        let found = claims("Zorblax Diner offers outdoor seating and free WiFi.")
        XCTAssertEqual(found.first?.evidence?.source, "src0.txt")
        XCTAssertTrue(found.first?.evidence?.passage.contains("OutdoorSeating") ?? false)
    }
}
