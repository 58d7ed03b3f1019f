import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct ExplainTests {
    private func fact(_ explanation: JSONValue, _ kind: String, step: String? = nil) -> JSONValue? {
        explanation["facts"]?.arrayValue?.first { $0["kind"] == .string(kind) && (step == nil || $0["stepId"] == .string(step!)) }
    }

    @Test func aWaitingApprovalSaysWhoDecidesAndWhatHappensAtItsDeadlineAlsoAfterARestart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        let carried = Carried<(runId: String, first: JSONValue)>(("", .null))
        try await TestGateway.with(pipelines: RetryFixtures.all, directory: dir) { gw in
            let runId = try await gw.start("people")
            let run = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            let first = try await gw.explain(runId)
            carried.value = (runId, first)
            #expect(first["runId"] == .string(runId))
            #expect(first["status"] == "waiting")
            let summary = first["summary"]?.stringValue ?? ""
            #expect(summary.hasPrefix("Waiting since "))
            #expect(summary.contains("for approval at step ship-ok (approvers: alice, bob); denies itself at "))
            #expect(summary.hasSuffix("(onTimeout: deny)."))
            let waiting = try #require(fact(first, "waiting", step: "ship-ok"))
            #expect(waiting["data"]?["kind"] == "approval")
            #expect(waiting["data"]?["approvers"] == ["alice", "bob"])
            #expect(waiting["data"]?["onTimeout"] == "deny")
            #expect(waiting["data"]?["message"] == "Ship it?")
            #expect(waiting["data"]?["expiresAt"] == run["waitingOn"]?.element(0)?["expiresAt"])
            #expect(waiting["data"]?["since"] == run["waitingOn"]?.element(0)?["since"])
            #expect(waiting["at"] == run["waitingOn"]?.element(0)?["since"])
        }
        try await TestGateway.with(directory: dir) { gw in
            let (runId, first) = carried.value
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            let after = try await gw.explain(runId)
            #expect(after["summary"] == first["summary"])
            #expect(fact(after, "waiting") == fact(first, "waiting"))
            _ = try await gw.request(.POST, "/runs/\(runId)/deny", token: "tok-admin", body: #"{"reason": "not today"}"#)
            let denied = try await gw.explain(runId)
            #expect(denied["status"] == "failed")
            let decision = try #require(fact(denied, "decision", step: "ship-ok"))
            #expect(decision["data"] == ["decision": "denied", "actor": "alice", "reason": "not today"])
            #expect(denied["summary"]?.stringValue?.hasPrefix("Failed at step ship-ok (approval 'ship-ok' was denied by alice).") == true)
        }
    }

    @Test func waitSleepAndBreakpointSayUntilWhenAndHow() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let waitRun = try await gw.start("waits")
            let w = try await gw.waitForRun(waitRun) { $0["status"] == "waiting" }
            let waitFact = try #require(fact(try await gw.explain(waitRun), "waiting", step: "collect"))
            #expect(waitFact["data"]?["kind"] == "wait")
            #expect(waitFact["data"]?["onTimeout"] == "continue")
            #expect(waitFact["data"]?["expiresAt"] == w["waitingOn"]?.element(0)?["expiresAt"])
            #expect(waitFact["text"]?.stringValue?.contains("goes on without an answer at") == true)

            let sleepRun = try await gw.start("sleeps")
            let s = try await gw.waitForRun(sleepRun) { $0["status"] == "waiting" }
            let sleeping = try await gw.explain(sleepRun)
            let sleepFact = try #require(fact(sleeping, "waiting", step: "nap"))
            #expect(sleepFact["data"]?["kind"] == "sleep")
            #expect(sleepFact["data"]?["expiresAt"] == s["waitingOn"]?.element(0)?["expiresAt"])
            #expect(sleeping["summary"]?.stringValue?.hasPrefix("Sleeping at step nap since ") == true)

            _ = try await gw.request(.POST, "/debug/breakpoints", token: "tok-admin", body: #"{"stepId": "s2", "pipelineId": "walk"}"#)
            let walkRun = try await gw.start("walk")
            _ = try await gw.waitForRun(walkRun) { $0["status"] == "waiting" }
            let stopped = try await gw.explain(walkRun)
            let bp = try #require(fact(stopped, "waiting", step: "s2"))
            #expect(bp["data"]?["kind"] == "breakpoint")
            #expect(bp["data"]?["stepping"] == false)
            #expect(stopped["summary"]?.stringValue?.hasPrefix("Stopped at a breakpoint before step s2 since ") == true)
        }
    }

    @Test func aFailedRunListsEveryAttemptAndTheConditionsThatSkippedSteps() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let runId = try #require(try await gw.run("skips").json["runId"]?.stringValue)
            let e = try await gw.explain(runId)
            #expect(e["status"] == "failed")
            let summary = e["summary"]?.stringValue ?? ""
            #expect(summary.hasPrefix("Failed at step build after 3 attempts (/bin/sh exited with code 2: broken)."))
            #expect(summary.contains("Steps test and lint were skipped because `${{ !input.quick }}` was false (input.quick = true)."))
            let failed = try #require(fact(e, "failed", step: "build"))
            #expect(failed["data"]?["attempts"] == 3)
            #expect(failed["data"]?["code"] == "exit_status")
            let attempts = e["facts"]?.arrayValue?.filter { $0["kind"] == "attempt" } ?? []
            #expect(attempts.map { $0["data"]?["attempt"] } == [1, 2])
            #expect(attempts.map { $0["data"]?["delayMs"] } == [20, 40])
            #expect(attempts.first?["data"]?["error"] == "/bin/sh exited with code 2: broken")
            let skipped = try #require(fact(e, "skipped", step: "test"))
            #expect(skipped["data"] == ["expression": "${{ !input.quick }}", "value": false, "operands": ["input.quick": true]])
            let ran = try #require(fact(e, "condition", step: "note"))
            #expect(ran["data"]?["value"] == true)
            #expect(ran["text"] == "Step note ran: `${{ input.quick }}` was true (input.quick = true).")
            // The same facts are in the events the run wrote: explaining reads them, it does not evaluate again.
            let events = try await gw.events(runId)
            #expect(events.first { $0["type"] == "step.skipped" }?["data"]?["if"] == skipped["data"])
        }
    }

    @Test func aCompletedRetrySaysWhatWasReusedAndTheOriginalSaysItWasRetried() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let dir = TestGateway.makeTemporaryDirectory()
            let original = try #require(try await gw.run("three-steps", "{\"dir\": \"\(dir)\"}").json["runId"]?.stringValue)
            FileManager.default.createFile(atPath: dir + "/fixed", contents: nil)
            let retryId = try #require(try await gw.retry(original).json["runId"]?.stringValue)
            _ = try await gw.finished(retryId)
            let e = try await gw.explain(retryId)
            #expect(e["status"] == "completed")
            #expect(e["summary"]?.stringValue?.contains(": 1 step ran, 2 reused from run \(original).") == true)
            let link = try #require(fact(e, "retryOf"))
            #expect(link["data"] == ["runId": .string(original), "fromStep": "third", "reused": ["first", "second"]])
            #expect(fact(e, "reused", step: "first")?["data"] == ["fromRunId": .string(original), "status": "completed"])
            #expect(fact(e, "completed")?["data"]?["durationMs"]?.numberValue != nil)
            let o = try await gw.explain(original)
            #expect(fact(o, "retries")?["data"] == ["runIds": [.string(retryId)]])
            #expect(o["summary"]?.stringValue?.hasSuffix("Retried as run \(retryId).") == true)
            #expect(try await gw.request(.GET, "/runs/nope/explain", token: "tok-read").status == 404)
        }
    }

    @Test func aRunningRunNamesItsStepAndACancelledOneWhoCancelledIt() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let runId = try await gw.start("cancellable")
            _ = try await gw.waitForRun(runId) { $0["steps"]?.arrayValue?.count == 2 }
            let running = try await gw.explain(runId)
            #expect(running["status"] == "running")
            #expect(running["summary"]?.stringValue?.hasSuffix(": step hold (attempt 1).") == true)
            #expect(fact(running, "running", step: "hold")?["data"] == ["attempt": 1])
            _ = try await gw.request(.DELETE, "/runs/\(runId)", token: "tok-operate")
            let cancelled = try await gw.explain(runId)
            #expect(cancelled["status"] == "cancelled")
            #expect(fact(cancelled, "cancelled")?["data"] == ["actor": "operator"])
            let summary = cancelled["summary"]?.stringValue ?? ""
            #expect(summary.hasPrefix("Cancelled by operator at ") && summary.hasSuffix(" while step hold was unfinished."))
        }
    }

    @Test func aQueuedRunSaysTheGatewayIsPaused() {
        let now = Date()
        let record = RunRecord(runId: "r1", pipelineId: "p", pipelineVersion: "v", status: .queued, input: [:], output: nil,
                               error: nil, trigger: RunTrigger(kind: "api"), parentRunId: nil, idempotencyKey: nil,
                               createdAt: now, startedAt: nil, finishedAt: nil, waitingOn: [], steps: [])
        let events = [RunEvent(seq: 1, runId: "r1", type: "run.queued", at: now, stepId: nil, data: [:])]
        let paused = RunExplainer(record: record, events: events, gatewayPaused: true, now: now).explain()
        #expect(paused.summary == "Queued since \(ExplainWords.time(now, now: now)), not started yet; the gateway is paused (gw gateway resume).")
        #expect(paused.facts == [.init(kind: "queued", at: now, text: paused.summary, data: ["gatewayPaused": true])])
        let running = RunExplainer(record: record, events: events, gatewayPaused: false, now: now).explain()
        #expect(running.summary.hasSuffix("it starts when the gateway picks it up."))
    }

    @Test func wordsForTimesAndDurations() {
        let now = Timestamp.parse("2026-12-04T18:02:00.000Z")!
        #expect(ExplainWords.time(Timestamp.parse("2026-12-04T14:02:10.000Z")!, now: now) == "14:02 UTC")
        #expect(ExplainWords.time(Timestamp.parse("2026-12-03T14:02:10.000Z")!, now: now) == "2026-12-03 14:02 UTC")
        #expect(ExplainWords.duration(ms: 20) == "20ms")
        #expect(ExplainWords.duration(ms: 2000) == "2s")
        #expect(ExplainWords.duration(ms: 90_000) == "1m30s")
        #expect(ExplainWords.duration(ms: 7_500_000) == "2h5m")
        #expect(ExplainWords.list(["a", "b", "c"]) == "a, b and c")
    }
}
