import Foundation
import Testing

@testable import GatewayKit

/// Next fires across the 2026 DST transitions. Expected values were reasoned out by hand and
/// checked with a brute-force zoneinfo oracle in Python.
///
/// - America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (07:00Z);
///   2026-11-01 02:00 EDT → 01:00 EST (06:00Z).
/// - Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST (01:00Z);
///   2026-10-25 03:00 CEST → 02:00 CET (01:00Z).
/// - Australia/Adelaide: 2026-04-05 03:00 ACDT → 02:00 ACST (16:30Z on the 4th);
///   2026-10-04 02:00 ACST → 03:00 ACDT (16:30Z on the 3rd).
@Suite struct CronDSTTests {
    static let newYork = "America/New_York"
    static let berlin = "Europe/Berlin"
    static let adelaide = "Australia/Adelaide"
    static let kolkata = "Asia/Kolkata"
    static let gap = "does not exist (DST gap); fired at"
    static let overlap = "ambiguous local time (DST overlap); fired at first occurrence"

    static let cases: [CronTestCase] = [
        // New York, spring forward: 02:00–02:59 does not exist.
        .init("30 2 * * *", newYork, "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z", note: "02:30 \(gap) 03:00"),
        .init("30 2 * * *", newYork, "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"),
        .init("0 2 * * *", newYork, "2026-03-07T12:00:00Z", "2026-03-08T07:00:00Z", note: "02:00 \(gap) 03:00"),
        .init("0 3 * * *", newYork, "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z"),
        .init("*/15 * * * *", newYork, "2026-03-08T06:50:00Z", "2026-03-08T07:00:00Z", note: "02:00 \(gap) 03:00"),
        .init("*/15 * * * *", newYork, "2026-03-08T07:00:00Z", "2026-03-08T07:15:00Z"),
        .init("@hourly", newYork, "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", note: "02:00 \(gap) 03:00"),
        .init("0 30 2 * * *", newYork, "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z", note: "02:30 \(gap) 03:00"),
        .init("15 30 2 * * *", newYork, "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z", note: "02:30:15 \(gap) 03:00"),
        // New York, fall back: 01:00–01:59 happens twice and fires on the first pass only.
        .init("30 1 * * *", newYork, "2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z", note: overlap),
        .init("30 1 * * *", newYork, "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"),
        .init("0 1 * * *", newYork, "2026-10-31T12:00:00Z", "2026-11-01T05:00:00Z", note: overlap),
        .init("0 2 * * *", newYork, "2026-11-01T04:00:00Z", "2026-11-01T07:00:00Z"),
        .init("*/15 * * * *", newYork, "2026-11-01T04:59:00Z", "2026-11-01T05:00:00Z", note: overlap),
        .init("*/15 * * * *", newYork, "2026-11-01T05:45:00Z", "2026-11-01T07:00:00Z"),
        .init("*/15 * * * *", newYork, "2026-11-01T06:10:00Z", "2026-11-01T07:00:00Z"),
        .init("*/20 * * * * *", newYork, "2026-11-01T06:59:50Z", "2026-11-01T07:00:00Z"),
        // Berlin, spring forward: 02:00–02:59 does not exist.
        .init("30 2 * * *", berlin, "2026-03-28T23:00:00Z", "2026-03-29T01:00:00Z", note: "02:30 \(gap) 03:00"),
        .init("0 * * * *", berlin, "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", note: "02:00 \(gap) 03:00"),
        .init("0 * * * *", berlin, "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"),
        .init("0 9 * * *", berlin, "2026-03-29T00:00:00Z", "2026-03-29T07:00:00Z"),
        // Berlin, fall back: 02:00–02:59 happens twice.
        .init("30 2 * * *", berlin, "2026-10-24T22:00:00Z", "2026-10-25T00:30:00Z", note: overlap),
        .init("30 2 * * *", berlin, "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"),
        .init("0 * * * *", berlin, "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"),
        .init("0 9 * * *", berlin, "2026-10-25T00:00:00Z", "2026-10-25T08:00:00Z"),
        // Adelaide (+09:30 / +10:30): half-hour offsets with DST.
        .init("30 2 * * *", adelaide, "2026-10-03T14:00:00Z", "2026-10-03T16:30:00Z", note: "02:30 \(gap) 03:00"),
        .init("30 2 * * *", adelaide, "2026-04-04T14:00:00Z", "2026-04-04T16:00:00Z", note: overlap),
        .init("30 2 * * *", adelaide, "2026-04-04T16:00:00Z", "2026-04-05T17:00:00Z"),
        .init("0 9 * * MON-FRI", adelaide, "2026-04-04T00:00:00Z", "2026-04-05T23:30:00Z"),
        // Kolkata (+05:30, no DST).
        .init("0 9 * * *", kolkata, "2026-01-01T00:00:00Z", "2026-01-01T03:30:00Z"),
        .init("30 */6 * * *", kolkata, "2026-06-15T01:00:00Z", "2026-06-15T07:00:00Z"),
        .init("@daily", kolkata, "2026-03-08T00:00:00Z", "2026-03-08T18:30:00Z"),
    ]

    @Test(arguments: cases)
    func nextFireAcrossTransitions(_ row: CronTestCase) throws {
        try row.check()
    }

    @Test func fallBackFiresEachWallTimeOnce() throws {
        let expression = try CronExpression.parse("*/15 * * * *")
        let zone = try #require(TimeZone(identifier: Self.newYork))
        let fires = expression.fires(after: try CronTestCase.instant("2026-11-01T04:50:00Z"), count: 6, in: zone)
        #expect(
            fires.map { CronTestCase.iso($0.at) } == [
                "2026-11-01T05:00:00Z", "2026-11-01T05:15:00Z", "2026-11-01T05:30:00Z",
                "2026-11-01T05:45:00Z", "2026-11-01T07:00:00Z", "2026-11-01T07:15:00Z",
            ])
        #expect(fires.map(\.note) == [Self.overlap, Self.overlap, Self.overlap, Self.overlap, nil, nil])
    }

    @Test(arguments: [
        // Local day in New York: 25 hours on fall-back day, 23 on spring-forward day.
        ("2026-11-01T03:59:59Z", "2026-11-02T04:59:59Z", 96),
        ("2026-03-08T04:59:59Z", "2026-03-09T03:59:59Z", 92),
        ("2026-01-15T04:59:59Z", "2026-01-16T04:59:59Z", 96),
    ])
    func quarterHourlyFiresPerLocalDay(from: String, to: String, expected: Int) throws {
        let expression = try CronExpression.parse("*/15 * * * *")
        let zone = try #require(TimeZone(identifier: Self.newYork))
        let end = try CronTestCase.instant(to)
        let fires = expression.fires(after: try CronTestCase.instant(from), count: 200, in: zone)
            .filter { $0.at <= end }
        #expect(fires.count == expected)
        let local = fires.map { CronExpression.localString($0.at, in: zone) }
        #expect(Set(local).count == local.count)
        #expect(zip(fires, fires.dropFirst()).allSatisfy { $0.at < $1.at })
    }

    @Test func springForwardMergesTheGapIntoOneFire() throws {
        let expression = try CronExpression.parse("*/15 * * * *")
        let zone = try #require(TimeZone(identifier: Self.newYork))
        let fires = expression.fires(after: try CronTestCase.instant("2026-03-08T06:40:00Z"), count: 3, in: zone)
        #expect(
            fires == [
                Fire(at: try CronTestCase.instant("2026-03-08T06:45:00Z")),
                Fire(at: try CronTestCase.instant("2026-03-08T07:00:00Z"), note: "02:00 \(Self.gap) 03:00"),
                Fire(at: try CronTestCase.instant("2026-03-08T07:15:00Z")),
            ])
    }
}
