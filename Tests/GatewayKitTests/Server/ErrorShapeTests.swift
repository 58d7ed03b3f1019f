import Foundation
import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct ErrorShapeTests {
    let admin = "tok-admin"

    @Test func unknownRoutesAre404InTheErrorShape() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.GET, "/no/such/route", token: admin)
            #expect(response.status == 404)
            #expect(response.errorCode == "not_found")
            #expect(response.json["error"]?["message"]?.stringValue?.contains("/no/such/route") == true)
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.PUT, "/gateway", token: admin, body: "{}")
            #expect(response.status == 405)
            #expect(response.errorCode == "method_not_allowed")
            #expect(response.headers["Allow"].first == "GET")
        }
    }

    @Test func malformedJSONIs400InvalidJSON() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.POST, "/gateway/pause", token: admin, body: "{not json")
            #expect(response.status == 400)
            #expect(response.errorCode == "invalid_json")
            #expect(try await gw.request(.GET, "/gateway", token: admin).json["paused"] == false)
        }
    }

    @Test func aWrongShapeIs400BadRequest() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.POST, "/gateway/pause", token: admin, body: #"{"reason": 5}"#)
            #expect(response.status == 400)
            #expect(response.errorCode == "bad_request")
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await TestGateway.with { gw in
            let big = "{\"reason\": \"" + String(repeating: "x", count: 1 << 20) + "\"}"
            let response = try await gw.request(.POST, "/gateway/pause", token: admin, body: big)
            #expect(response.status == 413)
            #expect(response.errorCode == "payload_too_large")
            #expect(try await gw.request(.GET, "/gateway", token: admin).json["paused"] == false)
        }
    }

    @Test func anUnknownSessionIs404InTheErrorShape() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.GET, "/sessions/s-missing", token: admin)
            #expect(response.status == 404)
            #expect(response.errorCode == "not_found")
        }
    }

    @Test func openAIRoutesUseOpenAIsErrorObject() async throws {
        try await TestGateway.with { gw in
            let unauthorized = try await gw.request(.GET, "/v1/models")
            #expect(unauthorized.status == 401)
            let error = unauthorized.json["error"]
            #expect(error?["type"]?.stringValue == "authentication_error")
            #expect(error?["code"]?.stringValue == "unauthorized")
            #expect(error?["param"] == .null)
            #expect(error?["message"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func theOpenAPIDocumentIsServedAndMatchesTheSpecFile() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.GET, "/openapi.yaml")
            #expect(response.status == 200)
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/GatewayKit/API/openapi.yaml")
            let spec = try String(contentsOf: file, encoding: .utf8)
            #expect(response.body == spec, "OpenAPIDocument.swift is stale: run scripts/embed-openapi")
        }
    }
}
