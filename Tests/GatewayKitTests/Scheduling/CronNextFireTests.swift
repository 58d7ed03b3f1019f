import Foundation
import Testing

@testable import GatewayKit

/// Next fires away from DST: macros, names, seconds, the Vixie day rule and field combinations.
/// Expected values were reasoned out by hand (2026-01-01 is a Thursday, 2026-03-01 a Sunday) and
/// checked with a brute-force zoneinfo oracle in Python.
@Suite struct CronNextFireTests {
    static let cases: [CronTestCase] = [
        // Macros.
        .init("@yearly", "UTC", "2026-03-08T00:00:00Z", "2027-01-01T00:00:00Z"),
        .init("@annually", "America/New_York", "2026-06-01T00:00:00Z", "2027-01-01T05:00:00Z"),
        .init("@monthly", "Europe/Berlin", "2026-03-15T00:00:00Z", "2026-03-31T22:00:00Z"),
        .init("@weekly", "UTC", "2026-03-04T12:00:00Z", "2026-03-08T00:00:00Z"),
        .init("@daily", "UTC", "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z"),
        .init("@midnight", "UTC", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z"),
        .init("@HOURLY", "UTC", "2026-03-08T10:00:00Z", "2026-03-08T11:00:00Z"),
        // Month and day names, any case; 7 is Sunday.
        .init("0 12 * JAN,JUL MON", "UTC", "2026-03-01T00:00:00Z", "2026-07-06T12:00:00Z"),
        .init("0 0 * * sat,sun", "UTC", "2026-03-04T00:00:00Z", "2026-03-07T00:00:00Z"),
        .init("0 8 * * Mon-Fri", "UTC", "2026-03-06T09:00:00Z", "2026-03-09T08:00:00Z"),
        .init("0 0 * * 7", "UTC", "2026-03-04T00:00:00Z", "2026-03-08T00:00:00Z"),
        .init("0 0 * * 5-7", "UTC", "2026-03-08T12:00:00Z", "2026-03-13T00:00:00Z"),
        .init("0 0 1 feb-apr/2 *", "UTC", "2026-02-15T00:00:00Z", "2026-04-01T00:00:00Z"),
        // Seconds field.
        .init("30 * * * * *", "UTC", "2026-03-08T10:00:00Z", "2026-03-08T10:00:30Z"),
        .init("*/10 0 12 * * *", "UTC", "2026-03-08T12:00:55Z", "2026-03-09T12:00:00Z"),
        .init("* * * * * *", "UTC", "2026-03-08T23:59:59Z", "2026-03-09T00:00:00Z"),
        .init("0 0 0 1 1 *", "Asia/Kolkata", "2026-03-08T00:00:00Z", "2026-12-31T18:30:00Z"),
        // Vixie: both day fields restricted match on either; a `*`-led field makes it "both".
        .init("0 0 13 * FRI", "UTC", "2026-03-01T00:00:00Z", "2026-03-06T00:00:00Z"),
        .init("0 0 13 * FRI", "UTC", "2026-04-10T00:00:00Z", "2026-04-13T00:00:00Z"),
        .init("0 0 1,15 * 3", "UTC", "2026-03-12T00:00:00Z", "2026-03-15T00:00:00Z"),
        .init("0 0 */2 * MON", "UTC", "2026-03-01T00:00:00Z", "2026-03-09T00:00:00Z"),
        .init("0 0 * * MON", "UTC", "2026-03-03T00:00:00Z", "2026-03-09T00:00:00Z"),
        .init("0 0 1 * *", "UTC", "2026-03-03T00:00:00Z", "2026-04-01T00:00:00Z"),
        // Steps, ranges and lists together.
        .init("5-20/5,45 * * * *", "UTC", "2026-03-08T10:20:00Z", "2026-03-08T10:45:00Z"),
        .init("0 9-17/4 * * *", "UTC", "2026-03-08T13:00:00Z", "2026-03-08T17:00:00Z"),
        .init("10/20 * * * *", "UTC", "2026-03-08T10:30:00Z", "2026-03-08T10:50:00Z"),
        .init("0 22/3 * * *", "UTC", "2026-03-08T22:00:00Z", "2026-03-09T22:00:00Z"),
        .init("59 23 31 12 *", "UTC", "2026-12-31T23:59:00Z", "2027-12-31T23:59:00Z"),
        .init("0 0 31 * *", "UTC", "2026-04-01T00:00:00Z", "2026-05-31T00:00:00Z"),
        .init("0 0 29 2 *", "UTC", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        // Never: no 30 February, no 31 April.
        .init("0 0 30 2 *", "UTC", "2026-01-01T00:00:00Z", nil),
        .init("0 0 31 4 *", "Europe/Berlin", "2026-01-01T00:00:00Z", nil),
    ]

    @Test(arguments: cases)
    func nextFire(_ row: CronTestCase) throws {
        try row.check()
    }

    @Test func fractionalInstantFiresAtTheNextWholeSecond() throws {
        let expression = try CronExpression.parse("* * * * * *")
        let instant = try CronTestCase.instant("2026-03-08T10:00:00Z").addingTimeInterval(0.5)
        let fire = expression.nextFire(after: instant, in: TimeZone(secondsFromGMT: 0)!)
        #expect(fire?.at == instant.addingTimeInterval(0.5))
    }

    @Test func firesReturnsConsecutiveFiresInOrder() throws {
        let expression = try CronExpression.parse("0 9 * * MON-FRI")
        let start = try CronTestCase.instant("2026-03-06T10:00:00Z")
        let fires = expression.fires(after: start, count: 3, in: TimeZone(secondsFromGMT: 0)!)
        #expect(
            fires.map { CronTestCase.iso($0.at) } == [
                "2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z", "2026-03-11T09:00:00Z",
            ])
        #expect(expression.fires(after: start, count: 0, in: .gmt).isEmpty)
    }

    @Test func firesStopsWhenTheScheduleNeverFires() throws {
        let expression = try CronExpression.parse("0 0 30 2 *")
        #expect(expression.fires(after: try CronTestCase.instant("2026-01-01T00:00:00Z"), count: 5, in: .gmt).isEmpty)
    }

    @Test func searchJumpsByFieldsInsteadOfScanning() throws {
        // A year of fires for a once-a-year second, and a never-firing schedule, stay cheap.
        let expression = try CronExpression.parse("59 59 23 31 12 *")
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let fires = expression.fires(after: try CronTestCase.instant("2026-01-01T00:00:00Z"), count: 50, in: .gmt)
            #expect(fires.count == 50)
            for _ in 0..<20 {
                _ = try CronExpression.parse("0 0 30 2 *").nextFire(after: .now, in: .gmt)
            }
        }
        #expect(elapsed < .seconds(2))
    }
}
