import Foundation
import Testing

@testable import GatewayKit

/// The local wall time and UTC offset shown next to each fire in a schedule preview.
@Suite struct CronPreviewTests {
    @Test(arguments: [
        ("2026-03-08T07:00:00Z", "America/New_York", "2026-03-08T03:00:00", "-04:00"),
        ("2026-03-08T06:59:59Z", "America/New_York", "2026-03-08T01:59:59", "-05:00"),
        ("2026-11-01T05:30:00Z", "America/New_York", "2026-11-01T01:30:00", "-04:00"),
        ("2026-11-01T06:30:00Z", "America/New_York", "2026-11-01T01:30:00", "-05:00"),
        ("2026-01-01T03:30:00Z", "Asia/Kolkata", "2026-01-01T09:00:00", "+05:30"),
        ("2026-04-04T16:00:00Z", "Australia/Adelaide", "2026-04-05T02:30:00", "+10:30"),
        ("2026-04-05T17:00:00Z", "Australia/Adelaide", "2026-04-06T02:30:00", "+09:30"),
        ("2026-10-25T00:30:00Z", "Europe/Berlin", "2026-10-25T02:30:00", "+02:00"),
        ("2026-12-31T23:59:59Z", "UTC", "2026-12-31T23:59:59", "+00:00"),
        ("2026-06-15T12:00:00Z", "Asia/Kathmandu", "2026-06-15T17:45:00", "+05:45"),
        ("2026-06-15T12:00:00Z", "America/St_Johns", "2026-06-15T09:30:00", "-02:30"),
    ])
    func showsLocalTimeAndOffset(_ instant: String, zone: String, local: String, offset: String) throws {
        let date = try CronTestCase.instant(instant)
        let timeZone = try #require(TimeZone(identifier: zone))
        #expect(CronExpression.localString(date, in: timeZone) == local)
        #expect(CronExpression.offsetString(date, in: timeZone) == offset)
    }

    @Test func localStringDropsFractionalSeconds() throws {
        let date = try CronTestCase.instant("2026-03-08T07:00:00Z").addingTimeInterval(0.75)
        #expect(CronExpression.localString(date, in: .gmt) == "2026-03-08T07:00:00")
    }

    @Test func civilArithmeticRoundTripsAndAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        // 1614 to 4160: Foundation's Gregorian calendar turns Julian before 1582.
        for days in stride(from: -130_000, through: 800_000, by: 997) {
            let local = days * 86_400 + 12_345
            let civil = CivilDateTime(localSeconds: local)
            #expect(civil.localSeconds == local)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: TimeInterval(local)))
            #expect([parts.year, parts.month, parts.day] == [civil.year, civil.month, civil.day])
            #expect(parts.weekday.map { $0 - 1 } == civil.weekday)
        }
    }
}
