import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

/// Runs waiting on a person, a timer or a breakpoint hold no task: they are re-entered from the store.
@Suite struct ParkingTests {
    static let pipelines = PeopleFixtures.pipelines.merging([
        "nap.yaml": """
            id: nap
            steps:
              - { id: z, kind: sleep, duration: 400ms }
              - { id: after, kind: set, values: { woke: true } }
            output: ${{ steps.after.output.woke }}
            """,
        "bounded.yaml": """
            id: bounded
            timeout: 1h
            steps:
              - { id: ok, kind: approval }
            """,
    ]) { a, _ in a }

    func start(_ gw: TestGateway, _ pipeline: String) async throws -> String {
        try #require(try await gw.request(.POST, "/pipelines/\(pipeline)/start", token: "tok-operate").json["runId"]?.stringValue)
    }

    /// Waits until the engine drives exactly `count` runs (a parking run unwinds just after its commit).
    func expectActive(_ gw: TestGateway, _ count: Int) async throws {
        for _ in 0..<100 where await gw.runtime.engine.activeCount != count { try await Task.sleep(for: .milliseconds(20)) }
        #expect(await gw.runtime.engine.activeCount == count)
    }

    @Test func anApprovalWaitsWithoutATaskAndTheDecisionReentersTheRun() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let runId = try await start(gw, "gate")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            try await expectActive(gw, 0)
            #expect(gw.runtime.engine.runsInFlight == 1)
            let ok = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-admin", body: #"{"reason": "go"}"#)
            #expect(ok.status == 200)
            #expect(ok.json["waitingOn"] == [])  // the answer already shows the decision committed
            let done = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            #expect(done["steps"]?.arrayValue?.last?["output"]?["decision"] == "approved")
            let events = try await gw.request(.GET, "/runs/\(runId)/events", token: "tok-read", headers: ["Accept": "application/json"])
            let types = events.json["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
            #expect(types.filter { $0 == "approval.requested" }.count == 1)
            #expect(types.filter { $0 == "step.started" }.count == 2)
            #expect(gw.runtime.engine.runsInFlight == 0)
            let twice = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-admin", body: "{}")
            #expect(twice.status == 409)
        }
    }

    @Test func aWaitIsResumedAndADeadlineTimesOutAParkedApproval() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let waiter = try await start(gw, "waiter")
            let timed = try await start(gw, "quick-timeout")
            _ = try await gw.waitForRun(waiter) { $0["status"] == "waiting" }
            let done = try await gw.waitForRun(timed) { $0["status"] == "completed" }
            #expect(done["output"]?["decision"] == "approved" && done["output"]?["actor"] == "timeout")
            try await expectActive(gw, 0)
            let ok = try await gw.request(.POST, "/runs/\(waiter)/resume", token: "tok-operate", body: #"{"output": {"version": "v9"}}"#)
            #expect(ok.status == 200)
            #expect(try await gw.waitForRun(waiter) { $0["status"] == "completed" }["output"] == "v9")
        }
    }

    @Test func aSleepParksAndWakesOnTime() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let started = Date()
            let runId = try await start(gw, "nap")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            try await expectActive(gw, 0)
            let done = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            #expect(done["output"] == true)
            #expect(Date().timeIntervalSince(started) >= 0.4)
            #expect(done["waitingOn"] == [])
        }
    }

    @Test func aParkedRunCanBeCancelledAndThenNotDecided() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let runId = try await start(gw, "lenient")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            try await expectActive(gw, 0)
            let cancelled = try await gw.request(.DELETE, "/runs/\(runId)", token: "tok-operate")
            #expect(cancelled.json["status"] == "cancelled")
            let late = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-operate", body: "{}")
            #expect(late.status == 409)
            #expect(gw.runtime.engine.runsInFlight == 0)
        }
    }

    @Test func waitsInsideParallelOrUnderARunTimeoutKeepTheirTask() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let nested = try await start(gw, "two-waits")
            let bounded = try await start(gw, "bounded")
            _ = try await gw.waitForRun(nested) { $0["waitingOn"]?.arrayValue?.count == 2 }
            _ = try await gw.waitForRun(bounded) { $0["status"] == "waiting" }
            try await expectActive(gw, 2)
            #expect(try await gw.request(.POST, "/runs/\(bounded)/approve", token: "tok-operate", body: "{}").status == 200)
            _ = try await gw.waitForRun(bounded) { $0["status"] == "completed" }
        }
    }

    @Test func aBreakpointParksAndIsReleasedStepByStep() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            #expect(try await gw.request(.POST, "/debug/breakpoints", token: "tok-admin", body: #"{"stepId": "s2", "pipelineId": "walk"}"#).status == 201)
            let runId = try await start(gw, "walk")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            try await expectActive(gw, 0)
            let released = try await gw.request(.POST, "/debug/runs/\(runId)/release", token: "tok-operate", body: #"{"mode": "step"}"#)
            #expect(released.status == 200)
            let atS3 = try await gw.waitForRun(runId) { $0["waitingOn"]?.arrayValue?.first?["stepId"] == "s3" }
            #expect(atS3["status"] == "waiting")
            #expect(try await gw.request(.POST, "/debug/runs/\(runId)/release", token: "tok-operate", body: #"{"mode": "continue"}"#).status == 200)
            #expect(try await gw.waitForRun(runId) { $0["status"] == "completed" }["output"] == 3)
            let events = try await gw.request(.GET, "/runs/\(runId)/events", token: "tok-read", headers: ["Accept": "application/json"])
            let hits = events.json["events"]?.arrayValue?.filter { $0["type"] == "breakpoint.hit" }.count
            #expect(hits == 2)
        }
    }

    @Test func afterARestartWaitingRunsAreParkedWithoutReplayAndDeadlinesThatPassedFire() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        let gate = RunIdBox(), nap = RunIdBox()
        try await TestGateway.with(pipelines: Self.pipelines, directory: dir) { gw in
            gate.set(try await start(gw, "gate"))
            nap.set(try await start(gw, "nap"))
            _ = try await gw.waitForRun(gate.get()) { $0["status"] == "waiting" }
            _ = try await gw.waitForRun(nap.get()) { $0["status"] == "waiting" }
        }
        try await Task.sleep(for: .milliseconds(500))  // the nap's wake-up passes while the gateway is down
        try await TestGateway.with(pipelines: Self.pipelines, directory: dir) { gw in
            #expect(try await gw.waitForRun(nap.get()) { $0["status"] == "completed" }["output"] == true)
            #expect(await gw.runtime.engine.activeCount == 0)
            #expect(gw.runtime.engine.runsInFlight == 1)
            #expect(try await gw.request(.POST, "/runs/\(gate.get())/approve", token: "tok-admin", body: "{}").status == 200)
            _ = try await gw.waitForRun(gate.get()) { $0["status"] == "completed" }
            let events = try await gw.events(gate.get())
            #expect(events.filter { $0["type"] == "approval.requested" }.count == 1)
            #expect(gw.runtime.engine.runsInFlight == 0)
        }
    }

    @Test func startsBeyondTheAdmissionLimitAre503OverloadedButParkedRunsDoNotCount() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            await gw.runtime.engine.setAdmission(pendingStarts: 100, activeRuns: 1)
            _ = try await start(gw, "gate")  // parks: not driven
            let parked = try await gw.request(.GET, "/runs?limit=1", token: "tok-read").json["runs"]?.arrayValue?.first?["runId"]?.stringValue
            _ = try await gw.waitForRun(try #require(parked)) { $0["status"] == "waiting" }
            try await expectActive(gw, 0)
            _ = try await start(gw, "bounded")  // keeps its task: the one run driven
            try await expectActive(gw, 1)
            let refused = try await gw.request(.POST, "/pipelines/walk/start", token: "tok-operate")
            #expect(refused.status == 503)
            #expect(refused.errorCode == "overloaded")
            #expect(refused.headers.first(name: "Retry-After") == "1")
        }
    }
}
