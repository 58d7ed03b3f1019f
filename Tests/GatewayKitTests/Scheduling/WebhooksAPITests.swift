import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct WebhooksAPITests {
    static func github(_ body: String, delivery: String, secret: String = "gh-secret") -> [String: String] {
        ["Content-Type": "application/json", "X-GitHub-Delivery": delivery,
         "X-Hub-Signature-256": "sha256=" + WebhookSignature.hexMAC(Data(body.utf8), secret: secret)]
    }

    @Test func signedDeliveriesStartRunsAndReplaysAre409EvenAfterARestart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        let body = #"{"ref": "main"}"#
        try await TestGateway.with(pipelines: SchedulesAPITests.pipelines, directory: dir,
                                   environment: SchedulesAPITests.environment) { gw in
            let ok = try await gw.request(.POST, "/hooks/github", body: body, headers: Self.github(body, delivery: "d-1"))
            #expect(ok.status == 202)
            let run = try await gw.request(.GET, "/runs/\(ok.json["runId"]?.stringValue ?? "")", token: "tok-read").json
            #expect(run["trigger"]?["kind"] == "webhook" && run["input"]?["body"] == ["ref": "main"])
            #expect(run["input"]?["headers"]?["x-github-delivery"] == "d-1")
            let bad = try await gw.request(.POST, "/hooks/github", body: body, headers: Self.github(body, delivery: "d-2", secret: "wrong"))
            #expect(bad.status == 401)
            var unsigned = Self.github(body, delivery: "d-3")
            unsigned["X-Hub-Signature-256"] = nil
            #expect(try await gw.request(.POST, "/hooks/github", body: body, headers: unsigned).status == 401)
        }
        try await TestGateway.with(pipelines: SchedulesAPITests.pipelines, directory: dir,
                                   environment: SchedulesAPITests.environment) { gw in
            let replay = try await gw.request(.POST, "/hooks/github", body: body, headers: Self.github(body, delivery: "d-1"))
            #expect(replay.status == 409 && replay.errorCode == "replayed_delivery")
            #expect(try await gw.request(.POST, "/hooks/github", body: body, headers: Self.github(body, delivery: "d-2")).status == 202)
        }
    }

    @Test func hmacDeliveriesMapTheirInputAndRefuseStaleTimestamps() async throws {
        try await TestGateway.with(pipelines: SchedulesAPITests.pipelines, environment: SchedulesAPITests.environment) { gw in
            let body = #"{"ref": "v1.2"}"#
            func headers(_ t: Int) -> [String: String] {
                let mac = WebhookSignature.hexMAC(Data("\(t).\(body)".utf8), secret: "hook-secret")
                return ["Content-Type": "application/json", "X-Gw-Signature": "t=\(t),v1=\(mac)"]
            }
            let now = Int(Date().timeIntervalSince1970)
            let ok = try await gw.request(.POST, "/hooks/signed", body: body, headers: headers(now))
            #expect(ok.status == 202)
            let run = try await gw.request(.GET, "/runs/\(ok.json["runId"]?.stringValue ?? "")", token: "tok-read").json
            #expect(run["input"] == ["ref": "v1.2"])
            #expect(try await gw.request(.POST, "/hooks/signed", body: body, headers: headers(now - 600)).status == 401)
        }
    }

    @Test func aHookWithoutSecretNeedsAnOperateTokenAndBodiesAreBounded() async throws {
        try await TestGateway.with(pipelines: SchedulesAPITests.pipelines, environment: SchedulesAPITests.environment) { gw in
            #expect(try await gw.request(.POST, "/hooks/open", body: "{}").status == 401)
            #expect(try await gw.request(.POST, "/hooks/open", token: "tok-read", body: "{}").status == 403)
            let ok = try await gw.request(.POST, "/hooks/open", token: "tok-operate", body: "{}")
            #expect(ok.status == 202)
            let run = try await gw.request(.GET, "/runs/\(ok.json["runId"]?.stringValue ?? "")", token: "tok-read").json
            #expect(run["input"]?["headers"]?["authorization"] == nil)
            #expect(try await gw.request(.POST, "/hooks/nowhere", token: "tok-operate", body: "{}").status == 404)
            let huge = String(repeating: "x", count: (1 << 20) + 10)
            let tooBig = try await gw.request(.POST, "/hooks/open", token: "tok-operate", body: huge)
            #expect(tooBig.status == 413 && tooBig.errorCode == "payload_too_large")
        }
    }
}
