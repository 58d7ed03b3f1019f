import GatewayTestSupport
import NIOHTTP1
import Testing
@testable import GatewayKit

/// The bearer token is trimmed of blanks around it (without Foundation) and compared whole.
@Suite struct BearerTokenTrimTests {
    @Test func blanksAroundTheTokenAreIgnoredAndInsideItAreNot() async throws {
        try await TestGateway.with { gw in
            let (_, token) = try #require(TestGateway.tokens.first { $0.0 == "read" })
            #expect(try await gw.request(.GET, "/gateway", token: " \t \(token)").status == 200)
            #expect(try await gw.request(.GET, "/gateway", token: "\u{00A0}\(token)").status == 200)
            #expect(try await gw.request(.GET, "/gateway", token: String(token.dropLast()) + " " + String(token.last!)).status == 401)
            #expect(try await gw.request(.GET, "/gateway", token: token + "x").status == 401)
        }
    }
}
