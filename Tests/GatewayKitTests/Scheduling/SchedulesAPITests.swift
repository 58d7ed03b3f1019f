import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct SchedulesAPITests {
    static let pipelines = ["noop.yaml": """
        id: noop
        triggers:
          - { id: nightly, kind: schedule, cron: "0 3 * * *", timezone: Europe/Berlin }
          - { id: by-hand, kind: manual, input: { who: robot } }
          - { id: gh, kind: webhook, path: github, secretEnv: GH_SECRET, signature: github }
          - { id: signed, kind: webhook, path: signed, secretEnv: GW_HOOK_SECRET, signature: hmac-sha256, input: { ref: "${{ webhook.body.ref }}" } }
          - { id: open, kind: webhook, path: open }
        steps:
          - { id: s, kind: set, values: { a: 1 } }
        """]
    static let environment = ["GH_SECRET": "gh-secret", "GW_HOOK_SECRET": "hook-secret"]

    @Test func schedulesAreAddedListedPreviewedPausedAndRemoved() async throws {
        try await TestGateway.with(pipelines: Self.pipelines, environment: Self.environment) { gw in
            let body = #"{"id": "kolkata", "pipelineId": "noop", "cron": "30 9 * * MON-FRI", "timezone": "Asia/Kolkata"}"#
            let added = try await gw.request(.POST, "/schedules", token: "tok-admin", body: body)
            #expect(added.status == 201)
            #expect(added.json["source"] == "api" && added.json["overlap"] == "skip" && added.json["catchup"] == "latest")
            #expect(try await gw.request(.POST, "/schedules", token: "tok-admin", body: body).errorCode == "already_exists")
            #expect(try await gw.request(.POST, "/schedules", token: "tok-operate", body: body).status == 403)
            let list = try await gw.request(.GET, "/schedules", token: "tok-read").json.arrayValue ?? []
            #expect(list.compactMap { $0["id"]?.stringValue } == ["kolkata", "nightly"])
            let preview = try await gw.request(.GET, "/schedules/kolkata/preview?count=3", token: "tok-read").json
            let fires = preview["fires"]?.arrayValue ?? []
            #expect(fires.count == 3)
            #expect(fires.allSatisfy { $0["offset"] == "+05:30" && $0["local"]?.stringValue?.hasSuffix("T09:30:00") == true })
            let paused = try await gw.request(.POST, "/schedules/kolkata/pause", token: "tok-admin")
            #expect(paused.json["paused"] == true && paused.json["nextFireAt"] == nil)
            #expect(try await gw.request(.POST, "/schedules/kolkata/resume", token: "tok-admin").json["paused"] == false)
            #expect(try await gw.request(.DELETE, "/schedules/nightly", token: "tok-admin").errorCode == "declared_in_pipeline")
            #expect(try await gw.request(.DELETE, "/schedules/kolkata", token: "tok-admin").status == 204)
            #expect(try await gw.request(.GET, "/schedules/kolkata", token: "tok-read").status == 404)
        }
    }

    @Test func badSchedulesAre422And404AndNothingIsScheduled() async throws {
        try await TestGateway.with(pipelines: Self.pipelines, environment: Self.environment) { gw in
            let cases = [
                (#"{"pipelineId": "noop", "cron": "* * * * * * *"}"#, 422, "invalid_input"),
                (#"{"pipelineId": "noop", "every": "1s", "timezone": "Nowhere/City"}"#, 422, "invalid_input"),
                (#"{"pipelineId": "noop", "every": "900ms"}"#, 422, "invalid_input"),
                (#"{"pipelineId": "noop", "at": "2001-01-01T00:00:00Z"}"#, 422, "invalid_input"),
                (#"{"pipelineId": "noop", "every": "1s", "overlap": "maybe"}"#, 400, "bad_request"),
                (#"{"pipelineId": "ghost", "every": "1s"}"#, 404, "not_found"),
                (#"{"id": "gh", "pipelineId": "noop", "every": "1s"}"#, 409, "already_exists"),
            ]
            for (body, status, code) in cases {
                let response = try await gw.request(.POST, "/schedules", token: "tok-admin", body: body)
                #expect(response.status == status && response.errorCode == code, "\(body): \(response.body)")
            }
            #expect(try await gw.request(.GET, "/schedules", token: "tok-read").json.arrayValue?.count == 1)
        }
    }

    @Test func triggersAreListedWithoutSecretsAndFiredByHand() async throws {
        try await TestGateway.with(pipelines: Self.pipelines, environment: Self.environment) { gw in
            let triggers = try await gw.request(.GET, "/triggers", token: "tok-read")
            #expect(triggers.json.arrayValue?.compactMap { $0["id"]?.stringValue } == ["by-hand", "gh", "nightly", "open", "signed"])
            #expect(!triggers.body.contains("secret"))
            let fired = try await gw.request(.POST, "/triggers/by-hand/fire", token: "tok-operate", headers: ["Idempotency-Key": "k1"])
            #expect(fired.status == 202)
            let runId = try #require(fired.json["runId"]?.stringValue)
            let run = try await gw.request(.GET, "/runs/\(runId)", token: "tok-read").json
            #expect(run["trigger"]?["kind"] == "manual" && run["input"] == ["who": "robot"])
            let again = try await gw.request(.POST, "/triggers/by-hand/fire", token: "tok-operate", headers: ["Idempotency-Key": "k1"])
            #expect(again.json["runId"]?.stringValue == runId)
            #expect(try await gw.request(.POST, "/triggers/nope/fire", token: "tok-operate").status == 404)
            _ = try await gw.request(.POST, "/gateway/pause", token: "tok-admin")
            #expect(try await gw.request(.POST, "/triggers/nightly/fire", token: "tok-operate").errorCode == "gateway_paused")
        }
    }
}
