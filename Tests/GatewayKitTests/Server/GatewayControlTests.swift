import Foundation
import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct GatewayControlTests {
    let admin = "tok-admin"
    static let hello = "id: hello\nsteps:\n  - { id: a, kind: set, values: { x: 1 } }\n"

    @Test func pauseAndResumeAreReflectedAndSurviveARestart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        try await TestGateway.with(directory: dir) { gw in
            let paused = try await gw.request(.POST, "/gateway/pause", token: admin, body: #"{"reason": "maintenance"}"#)
            #expect(paused.status == 200)
            #expect(paused.json["paused"] == true)
            #expect(try await gw.request(.GET, "/gateway", token: admin).json["paused"] == true)
            let metrics = try await gw.request(.GET, "/metrics", token: admin).body
            #expect(metrics.contains("gw_gateway_paused 1"))
        }
        try await TestGateway.with(directory: dir) { gw in
            #expect(try await gw.request(.GET, "/gateway", token: admin).json["paused"] == true)
            let resumed = try await gw.request(.POST, "/gateway/resume", token: admin)
            #expect(resumed.json["paused"] == false)
        }
    }

    @Test func gatewayStateCountsPipelinesAndNamesTheBoundAddress() async throws {
        try await TestGateway.with(pipelines: ["hello.yaml": Self.hello]) { gw in
            let state = try await gw.request(.GET, "/gateway", token: "tok-read").json
            #expect(state["pipelines"] == 1)
            #expect(state["runsInFlight"] == 0)
            #expect(state["listen"]?.stringValue == "\(gw.url.host!):\(gw.url.port!)")
            #expect(state["version"]?.stringValue == GatewayVersion.current)
        }
    }

    @Test func reloadReportsAddedRemovedAndChanged() async throws {
        try await TestGateway.with(pipelines: ["hello.yaml": Self.hello]) { gw in
            try "id: second\nsteps: []\n".write(toFile: gw.directory + "/pipelines/second.yaml", atomically: true, encoding: .utf8)
            try (Self.hello + "description: changed\n").write(toFile: gw.directory + "/pipelines/hello.yaml", atomically: true, encoding: .utf8)
            let result = try await gw.request(.POST, "/gateway/reload", token: admin).json
            #expect(result == ["pipelines": 2, "added": ["second"], "removed": [], "changed": ["hello"], "restartRequired": []])
            try FileManager.default.removeItem(atPath: gw.directory + "/pipelines/second.yaml")
            let again = try await gw.request(.POST, "/gateway/reload", token: admin).json
            #expect(again["removed"] == ["second"])
        }
    }

    @Test func anInvalidReloadIs422AndKeepsTheOldSet() async throws {
        try await TestGateway.with(pipelines: ["hello.yaml": Self.hello]) { gw in
            try "id: broken\nsteps:\n  - { id: a, kind: teleport }\n".write(
                toFile: gw.directory + "/pipelines/broken.yaml", atomically: true, encoding: .utf8)
            let response = try await gw.request(.POST, "/gateway/reload", token: admin)
            #expect(response.status == 422)
            #expect(response.errorCode == "invalid_pipelines")
            let detail = response.json["error"]?["details"]?.arrayValue?.first
            #expect(detail?["file"]?.stringValue?.hasSuffix("broken.yaml") == true)
            #expect(detail?["line"] == 3)
            #expect(detail?["message"]?.stringValue?.contains("teleport") == true)
            #expect(try await gw.request(.GET, "/pipelines", token: admin).json.arrayValue?.count == 1)
        }
    }

    @Test func httpMetricsAreLabelledByRouteTemplate() async throws {
        try await TestGateway.with(pipelines: ["hello.yaml": Self.hello]) { gw in
            _ = try await gw.request(.GET, "/pipelines/hello", token: admin)
            _ = try await gw.request(.GET, "/pipelines/nope", token: admin)
            let text = try await gw.request(.GET, "/metrics", token: admin).body
            #expect(text.contains(#"gw_http_requests_total{route="/pipelines/:pipelineId",method="GET",code="200"} 1"#))
            #expect(text.contains(#"gw_http_requests_total{route="/pipelines/:pipelineId",method="GET",code="404"} 1"#))
            #expect(!text.contains("/pipelines/hello\""))
            #expect(text.contains("gw_build_info{version=\"\(GatewayVersion.current)\"} 1"))
        }
    }
}
