import Foundation
import Testing
@testable import GatewayKit

@Suite struct SchedulerTests {
    @Test func everySecondFiresOncePerSecondOnTheManualClock() async throws {
        let h = try SchedulerHarness()
        let added = try await h.add("tick", ["every": "1s"])
        #expect(added.nextFireAt == SchedulerHarness.start.addingTimeInterval(1))
        for n in 1...3 {
            await h.tick(1)
            #expect(h.runner.started.count == n)
            h.runner.end("run-\(n)")
            await h.settle()
        }
        let snapshot = try await h.snapshot("tick")
        #expect(snapshot.state.fired == 3)
        #expect(snapshot.state.lastOutcome == "started")
        #expect(snapshot.nextFireAt == SchedulerHarness.start.addingTimeInterval(4))
    }

    @Test func overlapSkipSkipsWhileTheRunIsGoing() async throws {
        let h = try SchedulerHarness()
        try await h.add("s", ["every": "1s", "overlap": "skip"])
        await h.tick(1)
        await h.tick(1)
        #expect(h.runner.started == ["run-1"])
        #expect(try await h.snapshot("s").state.lastOutcome == "skipped_overlap")
        h.runner.end("run-1")
        await h.settle()
        await h.tick(1)
        #expect(h.runner.started == ["run-1", "run-2"])
        #expect(h.metrics.render().contains(#"gw_schedule_fires_total{schedule="s",outcome="skipped_overlap"} 1"#))
    }

    @Test func overlapQueueStartsTheQueuedFireWhenTheRunEnds() async throws {
        let h = try SchedulerHarness()
        try await h.add("q", ["every": "1s", "overlap": "queue"])
        await h.tick(1)
        await h.tick(1)
        await h.tick(1)
        var snapshot = try await h.snapshot("q")
        #expect((snapshot.state.queued, snapshot.inflight) == (2, 1))
        h.runner.end("run-1")
        await h.settle()
        snapshot = try await h.snapshot("q")
        #expect(h.runner.started == ["run-1", "run-2"])
        #expect((snapshot.state.queued, snapshot.inflight) == (1, 1))
    }

    @Test func overlapCancelCancelsTheRunningRunFirst() async throws {
        let h = try SchedulerHarness()
        try await h.add("c", ["every": "1s", "overlap": "cancel"])
        await h.tick(1)
        await h.tick(1)
        #expect(h.runner.cancelled == ["run-1"])
        #expect(h.runner.started == ["run-1", "run-2"])
    }

    @Test func aPausedGatewayRecordsFiresAsSkipped() async throws {
        let h = try SchedulerHarness()
        try await h.add("p", ["every": "1s"])
        h.runner.setPaused(true)
        await h.tick(1)
        #expect(h.runner.started.isEmpty)
        #expect(try await h.snapshot("p").state.lastOutcome == "skipped_paused")
    }

    @Test func aPausedScheduleHasNoNextFireAndResumesFromNow() async throws {
        let h = try SchedulerHarness()
        try await h.add("p", ["cron": "*/5 * * * *"])
        let paused = try await h.scheduler.setPaused("p", true)
        #expect(paused.nextFireAt == nil && paused.state.paused)
        await h.tick(3600)
        #expect(h.runner.started.isEmpty)
        let resumed = try await h.scheduler.setPaused("p", false)
        #expect(resumed.nextFireAt.map { $0 > h.clock.now() } == true)
    }

    @Test(arguments: [("none", 0), ("latest", 1), ("all", 5)])
    func catchupAfterARestartMakesUpMissedFires(policy: String, expected: Int) async throws {
        let first = try SchedulerHarness()
        try await first.add("m", ["cron": "* * * * *", "catchup": .string(policy)])
        await first.settle()
        first.clock.advance(by: 5 * 60 + 30)
        let second = try SchedulerHarness(stateDir: first.stateDir, clock: first.clock)
        _ = try await second.scheduler.list()
        await second.settle()
        #expect(second.runner.started.count == min(expected, 1))
        if policy == "all" {
            #expect(second.metrics.render().contains(#"gw_schedule_fires_total{schedule="m",outcome="skipped_overlap"} 4"#))
        }
    }

    @Test func jitterIsDeterministicAndBounded() throws {
        let definition = try ScheduleDefinition(id: "j", pipelineId: "noop", source: "api",
                                                fields: ["every": "1m", "jitter": "30s"], createdAt: .now, now: .now)
        let planned = Date(timeIntervalSince1970: 1_800_000_000)
        let delay = definition.jitterDelay(for: planned)
        #expect(delay >= 0 && delay < 30)
        #expect(definition.jitterDelay(for: planned) == delay)
        #expect(definition.jitterDelay(for: planned.addingTimeInterval(60)) != delay)
    }

    @Test func whenStartsCannotKeepUpFiresAreDroppedNotPiledUp() async throws {
        let h = try SchedulerHarness()
        h.runner.holdStarts()
        await h.scheduler.setStartLimit(10)
        for n in 0..<14 { try await h.add("s\(n)", ["every": "1s", "overlap": "allow"]) }
        await h.tick(1)
        #expect(h.runner.heldStarts == 10)
        let snapshots = try await h.scheduler.list()
        #expect(snapshots.filter { $0.state.lastOutcome == "dropped" }.count == 4)
        #expect(snapshots.map(\.state.dropped).reduce(0, +) == 4)
        #expect(h.metrics.render().contains(#"outcome="dropped"} 1"#))
        h.runner.releaseHeldStarts()
        await h.settle()
        #expect(h.runner.started.count == 10)
        await h.scheduler.setStartLimit(100)
        await h.tick(1)  // capacity is back: every schedule fires again
        #expect(h.runner.started.count == 24)
    }

    @Test func aStartRefusedAsOverloadedCountsAsDropped() async throws {
        let h = try SchedulerHarness()
        h.runner.refuseStarts(GatewayError(.overloaded, "at capacity"))
        try await h.add("o", ["every": "1s"])
        await h.tick(1)
        let snapshot = try await h.snapshot("o")
        #expect(snapshot.state.lastOutcome == "dropped" && snapshot.state.dropped == 1)
        #expect(snapshot.state.lastError == nil)
    }
}
