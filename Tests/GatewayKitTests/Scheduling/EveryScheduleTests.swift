import Foundation
import Testing

@testable import GatewayKit

/// Fixed-interval schedules: the grid `anchor + k·interval`, strictly after the instant.
@Suite struct EveryScheduleTests {
    static let anchor = Date(timeIntervalSince1970: 1_772_000_000)

    @Test(arguments: [
        (300.0, 0.0, 300.0),  // at the anchor: the next grid point
        (300.0, 1.0, 300.0),
        (300.0, 299.999, 300.0),
        (300.0, 300.0, 600.0),  // strictly after
        (300.0, -1.0, 0.0),  // the grid runs before the anchor too
        (300.0, -301.0, -300.0),
        (1.0, 0.5, 1.0),
        (1.5, 3.0, 4.5),
        (86_400.0, 86_400.0 * 400 + 5, 86_400.0 * 401),
    ])
    func nextFire(interval: Double, after: Double, expected: Double) throws {
        let schedule = try #require(EverySchedule(interval: interval, anchor: Self.anchor))
        let fire = schedule.nextFire(after: Self.anchor.addingTimeInterval(after))
        #expect(fire == Fire(at: Self.anchor.addingTimeInterval(expected)))
    }

    @Test(arguments: [0.999, 0, -5, .infinity, .nan])
    func rejectsIntervalsBelowOneSecond(_ interval: Double) {
        #expect(EverySchedule(interval: interval, anchor: Self.anchor) == nil)
    }

    @Test func firesAreConsecutiveGridPoints() throws {
        let schedule = try #require(EverySchedule(interval: 30, anchor: Self.anchor))
        let fires = schedule.fires(after: Self.anchor.addingTimeInterval(10), count: 3)
        #expect(fires.map { $0.at.timeIntervalSince(Self.anchor) } == [30, 60, 90])
    }
}
