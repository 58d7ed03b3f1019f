import Foundation
import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct RunsAPITests {
    @Test func aSyncRunCompletesWithOutputStepsAndGaplessEvents() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let response = try await gw.run("three", #"{"count": 2}"#)
            #expect(response.status == 200)
            let run = response.json
            #expect(run["status"] == "completed")
            #expect(run["output"] == "hello world!")
            #expect(run["trigger"]?["kind"] == "api")
            #expect(run["trigger"]?["actor"] == "operator")
            #expect(run["steps"]?.arrayValue?.map { $0["status"] } == ["completed", "completed", "completed"])
            #expect(run["steps"]?.arrayValue?.last?["output"] == ["n": 2])
            let events = try await gw.events(run["runId"]!.stringValue!)
            #expect(events.map { $0["seq"]?.numberValue.map(Int.init) } == Array(1...events.count))
            #expect(events.map { $0["type"]?.stringValue ?? "" } == [
                "run.queued", "run.started", "step.started", "step.completed", "step.started", "step.completed",
                "step.started", "step.completed", "run.completed",
            ])
        }
    }

    @Test func inputFailingTheSchemaIs422WithPointersAndStartsNothing() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let response = try await gw.run("three", #"{"name": 5, "count": 0}"#)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_input")
            let pointers = Set(response.json["error"]?["details"]?.arrayValue?.compactMap { $0["pointer"]?.stringValue } ?? [])
            #expect(pointers == ["/name", "/count"])
            #expect(try await gw.request(.GET, "/runs", token: "tok-read").json["runs"] == [])
        }
    }

    @Test func unknownPipelineIs404AndMalformedJSONIs400() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            #expect(try await gw.run("nope").status == 404)
            let bad = try await gw.request(.POST, "/pipelines/three/run", token: "tok-operate", body: "{input: ")
            #expect(bad.status == 400)
            #expect(bad.errorCode == "invalid_json")
        }
    }

    @Test func startAnswers202WithLocationAndTheRunCompletes() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let response = try await gw.request(.POST, "/pipelines/three/start", token: "tok-operate", body: "{}")
            #expect(response.status == 202)
            let runId = try #require(response.json["runId"]?.stringValue)
            #expect(response.headers["Location"].first == "/runs/\(runId)")
            let run = try await gw.waitForRun(runId) { $0["status"] == "completed" }
            #expect(run["status"] == "completed")
        }
    }

    @Test func idempotencyKeysReplayConflictAndAreBounded() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let first = try await gw.run("three", #"{"count": 1}"#, key: "k1")
            let again = try await gw.run("three", #"{"count": 1}"#, key: "k1")
            #expect(first.json["runId"] == again.json["runId"])
            let other = try await gw.run("three", #"{"count": 9}"#, key: "k1")
            #expect(other.status == 409)
            #expect(other.errorCode == "idempotency_conflict")
            let elsewhere = try await gw.run("execs", #"{"who": "x"}"#, key: "k1")
            #expect(elsewhere.status == 200)
            #expect(elsewhere.json["runId"] != first.json["runId"])
            #expect(try await gw.run("three", "{}", key: String(repeating: "k", count: 256)).status == 400)
        }
    }

    @Test func pausedGatewayRefusesNewRunsWith503AndRetryAfter() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            _ = try await gw.request(.POST, "/gateway/pause", token: "tok-admin")
            let response = try await gw.run("three")
            #expect(response.status == 503)
            #expect(response.errorCode == "gateway_paused")
            #expect(response.headers["Retry-After"].first != nil)
        }
    }

    @Test func listingPagesWithACursorNewestFirst() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            var ids: [String] = []
            for _ in 0..<5 { ids.append(try await gw.run("three", #"{"count": 1}"#).json["runId"]!.stringValue!) }
            let page1 = try await gw.request(.GET, "/runs?limit=2", token: "tok-read").json
            #expect(page1["runs"]?.arrayValue?.compactMap { $0["runId"]?.stringValue } == [ids[4], ids[3]])
            let cursor = try #require(page1["nextCursor"]?.stringValue)
            let page2 = try await gw.request(.GET, "/runs?limit=2&cursor=\(cursor)", token: "tok-read").json
            #expect(page2["runs"]?.arrayValue?.compactMap { $0["runId"]?.stringValue } == [ids[2], ids[1]])
            let filtered = try await gw.request(.GET, "/runs?status=failed", token: "tok-read").json
            #expect(filtered["runs"] == [])
            #expect(try await gw.request(.GET, "/runs?status=bogus", token: "tok-read").status == 400)
        }
    }

    @Test func cancellingARunEndsItAndASecondCancelIs409() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let started = try await gw.request(.POST, "/pipelines/slow/start", token: "tok-operate", body: "{}")
            let runId = try #require(started.json["runId"]?.stringValue)
            let waiting = try await gw.waitForRun(runId) { $0["status"] == "waiting" }
            #expect(waiting["waitingOn"]?.arrayValue?.first?["kind"] == "sleep")
            let cancelled = try await gw.request(.DELETE, "/runs/\(runId)", token: "tok-operate")
            #expect(cancelled.status == 200)
            #expect(cancelled.json["status"] == "cancelled")
            let again = try await gw.request(.DELETE, "/runs/\(runId)", token: "tok-operate")
            #expect(again.status == 409)
            #expect(again.errorCode == "already_terminal")
            #expect(try await gw.events(runId).last?["type"] == "run.cancelled")
        }
    }
}
