import Foundation
import Testing
@testable import GatewayKit

@Suite struct ScheduleDefinitionTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: [
        (["cron": "61 * * * *"], "cron: invalid cron \"61 * * * *\": minute: 61 is out of range 0-59"),
        (["cron": "* 24 * * *"], "hour: 24 is out of range 0-23"),
        (["cron": "* * 0 * *"], "day-of-month"),
        (["cron": "* * * FOO *"], "month"),
        (["cron": "* * * * 8"], "day-of-week"),
        (["cron": "* * *"], "expected 5 or 6 fields, got 3"),
        (["cron": "* * * * *", "timezone": "Mars/Olympus"], "timezone: unknown time zone 'Mars/Olympus'"),
        (["every": "500ms"], "every: every must be at least 1s"),
        (["every": "soon"], "every: invalid duration 'soon'"),
        (["at": "2020-01-01T00:00:00Z"], "at: at 2020-01-01T00:00:00Z is in the past"),
        (["at": "tomorrow"], "at: at must be an RFC 3339 time"),
        (["every": "1s", "overlap": "sometimes"], "overlap: overlap must be one of skip, queue, cancel, allow"),
        (["every": "1s", "catchup": "some"], "catchup: catchup must be one of none, latest, all"),
        (["every": "1s", "jitter": "lots"], "jitter: invalid duration 'lots'"),
        (["every": "1s", "cron": "* * * * *"], "give exactly one of cron, every, at"),
        ([:], "give exactly one of cron, every, at"),
        (["every": "1s", "colour": "red"], "colour: unknown field 'colour'"),
    ] as [([String: JSONValue], String)])
    func badFieldsAreRejectedWithTheFieldAndWhy(fields: [String: JSONValue], message: String) {
        do {
            _ = try ScheduleDefinition(id: "x", pipelineId: "p", source: "api", fields: fields, createdAt: Self.now, now: Self.now)
            Issue.record("accepted \(fields)")
        } catch let error as GatewayError {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missedFiresFollowTheCatchupPolicyWithinTheWindow() throws {
        func missed(_ catchup: String, _ fields: [String: JSONValue] = ["cron": "0 * * * *"]) throws -> Int {
            var all = fields
            all["catchup"] = .string(catchup)
            let d = try ScheduleDefinition(id: "m", pipelineId: "p", source: "api", fields: all, createdAt: Self.now, now: Self.now)
            return d.missedFires(from: Self.now, to: Self.now.addingTimeInterval(48 * 3600)).count
        }
        #expect(try missed("none") == 0)
        #expect(try missed("latest") == 1)
        #expect(try missed("all") == 24)
        #expect(try missed("all", ["every": "1s"]) == ScheduleDefinition.catchupLimit)
    }

    @Test func heapPopsInDueOrder() {
        var heap = FireHeap()
        let dues = [5, 1, 4, 2, 3, 0, 9, 7]
        for (i, due) in dues.enumerated() {
            let at = Date(timeIntervalSince1970: Double(due))
            heap.push(.init(due: at, planned: at, scheduleId: "s\(i)", generation: 0))
        }
        var popped: [Double] = []
        while let entry = heap.pop() { popped.append(entry.due.timeIntervalSince1970) }
        #expect(popped == dues.sorted().map(Double.init))
    }
}
