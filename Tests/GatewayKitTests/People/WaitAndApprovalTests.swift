import Foundation
import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct WaitAndApprovalTests {
    func start(_ gw: TestGateway, _ pipeline: String) async throws -> String {
        try #require(try await gw.request(.POST, "/pipelines/\(pipeline)/start", token: "tok-operate").json["runId"]?.stringValue)
    }

    @Test func aWaitIsResumedWithOutputCheckedAgainstItsSchema() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let runId = try await start(gw, "waiter")
            let waiting = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            #expect(waiting["waitingOn"]?.arrayValue?.first?["kind"] == "wait")
            let bad = try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: #"{"output": {"version": 3}}"#)
            #expect(bad.status == 422)
            #expect(bad.json["error"]?["details"]?.arrayValue?.first?["pointer"] == "/version")
            #expect(try await gw.request(.GET, "/runs/\(runId)", token: "tok-read").json["status"] == "waiting")
            let ok = try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: #"{"output": {"version": "v2"}}"#)
            #expect(ok.status == 200)
            let done = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            #expect(done["output"] == "v2")
            let again = try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: "{}")
            #expect(again.status == 409)
            #expect(again.errorCode == "not_waiting")
        }
    }

    @Test func approversAreEnforcedByTokenNameAndTheDecisionIsTheOutput() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let runId = try await start(gw, "gate")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            let approvals = try await gw.request(.GET, "/approvals", token: "tok-read").json.arrayValue ?? []
            #expect(approvals.first?["message"] == "Ship it?")
            #expect(approvals.first?["approvers"] == ["alice"])
            #expect(approvals.first?["expiresAt"]?.stringValue != nil)
            let wrong = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-operate", body: "{}")
            #expect(wrong.status == 403)
            #expect(wrong.errorCode == "not_an_approver")
            let ok = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-admin", body: #"{"reason": "lgtm"}"#)
            #expect(ok.status == 200)
            let done = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            let decision = done["steps"]?.arrayValue?.first?["output"]
            #expect(decision?["decision"] == "approved")
            #expect(decision?["actor"] == "alice")
            #expect(decision?["reason"] == "lgtm")
            let twice = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-admin", body: "{}")
            #expect(twice.status == 409)
            #expect(twice.errorCode == "no_pending_approval")
            #expect(try await gw.request(.GET, "/approvals", token: "tok-read").json == [])
        }
    }

    @Test func denyFailsTheRunUnlessOnDenyContinues() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let strict = try await start(gw, "gate")
            _ = try await gw.waitForRun(strict) { $0["status"] == "waiting" }
            #expect(try await gw.request(.POST, "/runs/\(strict)/deny", token: "tok-admin", body: "{}").status == 200)
            let failed = try await gw.waitForRun(strict) { $0["status"] == "failed" }
            #expect(failed["error"]?["code"] == "denied")
            let lenient = try await start(gw, "lenient")
            _ = try await gw.waitForRun(lenient) { $0["status"] == "waiting" }
            #expect(try await gw.request(.POST, "/runs/\(lenient)/deny", token: "tok-operate", body: "{}").status == 200)
            let done = try await gw.waitForRun(lenient) { $0["status"] == "completed" }
            #expect(done["output"] == "denied")
        }
    }

    @Test func anApprovalTimeoutAppliesOnTimeout() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let runId = try await start(gw, "quick-timeout")
            let done = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            #expect(done["output"]?["decision"] == "approved")
            #expect(done["output"]?["actor"] == "timeout")
        }
    }

    @Test func concurrentApproveAndDenyHaveExactlyOneWinner() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let runId = try await start(gw, "lenient")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            async let a = gw.request(.POST, "/runs/\(runId)/approve", token: "tok-operate", body: "{}")
            async let d = gw.request(.POST, "/runs/\(runId)/deny", token: "tok-admin", body: "{}")
            let statuses = [try await a.status, try await d.status].sorted()
            #expect(statuses == [200, 409])
        }
    }

    @Test func severalWaitsNeedAStepId() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let runId = try await start(gw, "two-waits")
            _ = try await gw.waitForRun(runId) { ($0["waitingOn"]?.arrayValue?.count ?? 0) == 2 }
            let ambiguous = try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: "{}")
            #expect(ambiguous.status == 409)
            #expect(ambiguous.errorCode == "ambiguous_step")
            #expect(try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: #"{"stepId": "w1"}"#).status == 200)
            #expect(try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: "{}").status == 200)
            #expect(try await gw.waitForRun(runId) { $0["status"] == "completed" }["status"] == "completed")
        }
    }

    @Test func aWaitingApprovalSurvivesARestart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        let box = RunIdBox()
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines, directory: dir) { gw in
            let runId = try await start(gw, "gate")
            _ = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            box.set(runId)
        }
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines, directory: dir) { gw in
            let runId = box.get()
            #expect(try await gw.request(.GET, "/runs/\(runId)", token: "tok-read").json["status"] == "waiting")
            #expect(try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-admin", body: "{}").status == 200)
            let done = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            let events = try await gw.events(runId)
            #expect(events.filter { $0["type"] == "approval.requested" }.count == 1)
            #expect(done["steps"]?.arrayValue?.last?["output"] == ["decision": "approved"])
        }
    }
}

/// Carries a run id from one gateway lifetime to the next in a test.
final class RunIdBox: @unchecked Sendable {
    private var value = ""
    func set(_ v: String) { value = v }
    func get() -> String { value }
}
