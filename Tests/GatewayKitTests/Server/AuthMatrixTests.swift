import Foundation
import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct AuthMatrixTests {
    /// One route of each scope group, and the status each token gets (the route itself may answer 404/501 once allowed).
    static let routes: [(HTTPMethod, String, Scope?)] = [
        (.GET, "/health", nil),
        (.GET, "/openapi.yaml", nil),
        (.GET, "/gateway", .read),
        (.GET, "/metrics", .read),
        (.GET, "/pipelines", .read),
        (.GET, "/runs", .read),
        (.POST, "/pipelines/none/start", .operate),
        (.DELETE, "/runs/r1", .operate),
        (.POST, "/runs/r1/approve", .operate),
        (.POST, "/gateway/reload", .admin),
        (.POST, "/schedules", .admin),
        (.DELETE, "/debug/breakpoints/s1", .admin),
    ]

    @Test func everyScopeGetsExactlyTheRoutesItCovers() async throws {
        try await TestGateway.with { gw in
            for (method, path, needed) in Self.routes {
                for (scopeName, token) in TestGateway.tokens {
                    let scope = Scope(rawValue: scopeName)!
                    let response = try await gw.request(method, path, token: token, body: method == .POST ? "{}" : nil)
                    if let needed, scope < needed {
                        #expect(response.status == 403, "\(scopeName) \(method) \(path)")
                        #expect(response.errorCode == "forbidden")
                    } else {
                        #expect(![401, 403].contains(response.status), "\(scopeName) \(method) \(path) got \(response.status)")
                    }
                }
                let anonymous = try await gw.request(method, path)
                let wrong = try await gw.request(method, path, token: "not-a-token")
                if needed == nil {
                    #expect(anonymous.status == 200, "\(path)")
                } else {
                    #expect(anonymous.status == 401 && anonymous.errorCode == "unauthorized", "\(method) \(path)")
                    #expect(wrong.status == 401, "\(method) \(path)")
                }
            }
        }
    }

    @Test func sha256TokenEnvTokenAndGWTokenAreAccepted() async throws {
        let plain = "s3cret"
        let hex = TokenVerifier.digest(plain).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let yaml = """
            listen: 127.0.0.1:0
            auth:
              tokens:
                - { name: hashed, sha256: "\(hex)", scopes: [read] }
                - { name: fromenv, tokenEnv: MY_TOKEN, scopes: [admin] }
            """
        try await TestGateway.with(configYAML: yaml, environment: ["MY_TOKEN": "envtok", "GW_TOKEN": "gwtok"]) { gw in
            let r1 = try await gw.request(.GET, "/gateway", token: plain)
            #expect(r1.status == 200)
            let r2 = try await gw.request(.POST, "/gateway/pause", token: plain, body: "{}")
            #expect(r2.status == 403)
            let r3 = try await gw.request(.POST, "/gateway/pause", token: "envtok", body: "{}")
            #expect(r3.status == 200)
            let r4 = try await gw.request(.POST, "/gateway/resume", token: "gwtok", body: "{}")
            #expect(r4.status == 200)
        }
    }

    @Test func anUnsetTokenEnvRefusesToStart() async throws {
        let yaml = "listen: 127.0.0.1:0\nauth:\n  tokens:\n    - { name: x, tokenEnv: UNSET_VAR_FOR_TEST, scopes: [read] }\n"
        await #expect(throws: GatewayError.self) {
            try await TestGateway.with(configYAML: yaml) { _ in }
        }
    }

    @Test func withoutTokensABootstrapAdminTokenIsWrittenPrivately() async throws {
        try await TestGateway.with(configYAML: "listen: 127.0.0.1:0\n") { gw in
            let path = gw.directory + "/.gw/admin.token"
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await gw.request(.POST, "/gateway/pause", token: token, body: "{}").status == 200)
            #expect(try await gw.request(.GET, "/gateway").status == 401)
        }
    }

    @Test func metricsCanBeMadePublic() async throws {
        try await TestGateway.with(configYAML: TestGateway.defaultConfigYAML() + "\nmetrics: { auth: false }\n") { gw in
            let r5 = try await gw.request(.GET, "/metrics")
            #expect(r5.status == 200)
            let r6 = try await gw.request(.GET, "/gateway")
            #expect(r6.status == 401)
        }
    }
}
