import Foundation
import GRDB
import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct BreakpointAndAuditTests {
    @Test func aBreakpointStopsBeforeTheStepAndReleaseStepWalksTheRun() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let added = try await gw.request(.POST, "/debug/breakpoints", token: "tok-admin", body: #"{"stepId": "s2", "pipelineId": "walk"}"#)
            #expect(added.status == 201)
            #expect(added.json["actor"] == "alice")
            let runId = try #require(try await gw.request(.POST, "/pipelines/walk/start", token: "tok-operate").json["runId"]?.stringValue)
            let stopped = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            #expect(stopped["waitingOn"]?.arrayValue?.first?["kind"] == "breakpoint")
            #expect(stopped["steps"]?.arrayValue?.map { $0["id"] } == ["s1"])
            let debugRuns = try await gw.request(.GET, "/debug/runs", token: "tok-read").json.arrayValue ?? []
            #expect(debugRuns.first?["stepId"] == "s2")
            #expect(try await gw.request(.POST, "/debug/runs/\(runId)/release", token: "tok-operate", body: #"{"mode": "step"}"#).status == 200)
            let atS3 = try await gw.waitForRun(runId) { $0["waitingOn"]?.arrayValue?.first?["stepId"] == "s3" }
            #expect(atS3["steps"]?.arrayValue?.count == 2)
            #expect(try await gw.request(.POST, "/debug/runs/\(runId)/release", token: "tok-operate", body: "{}").status == 200)
            #expect(try await gw.waitForRun(runId) { $0["status"] == "completed" }["output"] == 3)
            let notStopped = try await gw.request(.POST, "/debug/runs/\(runId)/release", token: "tok-operate", body: "{}")
            #expect(notStopped.status == 409)
            #expect(notStopped.errorCode == "not_at_breakpoint")
        }
    }

    @Test func badBreakpointsAreRefused() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let unknownStep = try await gw.request(.POST, "/debug/breakpoints", token: "tok-admin", body: #"{"stepId": "nope"}"#)
            #expect(unknownStep.status == 422)
            #expect(unknownStep.json["error"]?["message"]?.stringValue?.contains("nope") == true)
            let unknownPipeline = try await gw.request(.POST, "/debug/breakpoints", token: "tok-admin",
                                                       body: #"{"stepId": "s1", "pipelineId": "ghost"}"#)
            #expect(unknownPipeline.status == 404)
            #expect(try await gw.request(.DELETE, "/debug/breakpoints/s1", token: "tok-admin").status == 404)
            #expect(try await gw.request(.POST, "/debug/breakpoints", token: "tok-operate", body: #"{"stepId": "s1"}"#).status == 403)
        }
    }

    @Test func controlActionsAreAuditedInAVerifiableChainThatDetectsTampering() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            _ = try await gw.request(.POST, "/gateway/pause", token: "tok-admin", body: #"{"reason": "maintenance"}"#)
            _ = try await gw.request(.POST, "/gateway/resume", token: "tok-admin")
            _ = try await gw.request(.POST, "/debug/breakpoints", token: "tok-admin", body: #"{"stepId": "s1"}"#)
            let audit = try await gw.request(.GET, "/audit", token: "tok-read").json
            let entries = audit["entries"]?.arrayValue ?? []
            #expect(entries.map { $0["action"] } == ["gateway.pause", "gateway.resume", "breakpoint.add"])
            #expect(entries.first?["reason"] == "maintenance")
            #expect(entries.first?["actor"] == "alice")
            #expect(entries[1]["prevHash"] == entries[0]["hash"])
            let filtered = try await gw.request(.GET, "/audit?action=gateway.resume", token: "tok-read").json["entries"]?.arrayValue
            #expect(filtered?.count == 1)
            let page = try await gw.request(.GET, "/audit?limit=2", token: "tok-read").json
            #expect(page["nextCursor"] == "2")
            #expect(try await gw.request(.GET, "/audit/verify", token: "tok-read").json == ["ok": true, "entries": 3])
            let db = try DatabaseQueue(path: gw.directory + "/.gw/gw.sqlite")
            try await db.write { try $0.execute(sql: "UPDATE audit SET reason = 'nothing to see' WHERE seq = 1") }
            let broken = try await gw.request(.GET, "/audit/verify", token: "tok-read").json
            #expect(broken["ok"] == false)
            #expect(broken["brokenAt"] == 1)
        }
    }

    @Test func scheduleChangesAreAudited() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let added = try await gw.request(.POST, "/schedules", token: "tok-admin", body: #"{"id": "hourly", "pipelineId": "walk", "every": "1h"}"#)
            #expect(added.status == 201)
            _ = try await gw.request(.POST, "/schedules/hourly/pause", token: "tok-admin")
            _ = try await gw.request(.DELETE, "/schedules/hourly", token: "tok-admin")
            let entries = try await gw.request(.GET, "/audit", token: "tok-read").json["entries"]?.arrayValue ?? []
            #expect(entries.map { $0["action"] } == ["schedule.add", "schedule.pause", "schedule.remove"])
            #expect(entries.first?["target"] == "schedule/hourly")
        }
    }
}
