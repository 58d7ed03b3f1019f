import Foundation
import GatewayTestSupport
import NIOHTTP1
import Synchronization
import Testing
@testable import GatewayKit

/// Sign-in with a token, the session cookie on API routes, the CSRF check and sign-out (DESIGN §11).
@Suite struct ConsoleSessionTests {
    /// A signed-in browser: its cookie header and CSRF token.
    struct Browser {
        let cookie: String
        let csrf: String
        let setCookie: String
    }

    static func signIn(_ gw: TestGateway, token: String = "tok-admin") async throws -> Browser {
        let response = try await gw.request(.POST, "/session", body: #"{"token":"\#(token)"}"#)
        #expect(response.status == 200)
        let setCookie = try #require(response.headers.first(name: "set-cookie"))
        let pair = try #require(setCookie.split(separator: ";").first)
        return Browser(cookie: String(pair), csrf: try #require(response.json["csrfToken"]?.stringValue), setCookie: setCookie)
    }

    @Test func signInSetsAnHttpOnlyStrictCookieAndAnswersTheIdentity() async throws {
        try await TestGateway.with { gw in
            let response = try await gw.request(.POST, "/session", body: #"{"token":"tok-operate"}"#)
            #expect(response.status == 200)
            let cookie = try #require(response.headers.first(name: "set-cookie"))
            let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(attributes[0].hasPrefix("gw_session=") && attributes[0].count > "gw_session=".count + 40)
            #expect(attributes.contains("HttpOnly"))
            #expect(attributes.contains("SameSite=Strict"))
            #expect(attributes.contains("Path=/"))
            #expect(!attributes.contains("Secure"))
            #expect(response.json["name"]?.stringValue == "operator")
            #expect(response.json["scopes"] == ["read", "operate"])
            #expect((response.json["csrfToken"]?.stringValue?.count ?? 0) >= 40)
            let expires = try #require(response.json["expiresAt"]?.stringValue.flatMap(Timestamp.parse))
            #expect(abs(expires.timeIntervalSinceNow - 12 * 3600) < 60)
            #expect(!response.body.contains("tok-operate"))
        }
    }

    @Test func badTokenIs401AndNoCookie() async throws {
        try await TestGateway.with { gw in
            let bad = try await gw.request(.POST, "/session", body: #"{"token":"nope"}"#)
            #expect(bad.status == 401)
            #expect(bad.errorCode == "unauthorized")
            #expect(bad.headers.first(name: "set-cookie") == nil)
            let missing = try await gw.request(.POST, "/session", body: "{}")
            #expect(missing.status == 400)
        }
    }

    @Test func cookieIsAcceptedLikeABearerToken() async throws {
        try await TestGateway.with { gw in
            let browser = try await Self.signIn(gw)
            let runs = try await gw.request(.GET, "/runs", headers: ["Cookie": "other=1; " + browser.cookie])
            #expect(runs.status == 200)
            #expect(runs.json["runs"] != nil)
            let me = try await gw.request(.GET, "/session", headers: ["Cookie": browser.cookie])
            #expect(me.json["name"]?.stringValue == "alice")
            #expect(me.json["csrfToken"]?.stringValue == browser.csrf)
            #expect(try await gw.request(.GET, "/metrics", headers: ["Cookie": browser.cookie]).status == 200)
            #expect(try await gw.request(.GET, "/runs", headers: ["Cookie": "gw_session=forged"]).status == 401)
            let bearer = try await gw.request(.GET, "/session", token: "tok-read")
            #expect(bearer.json["name"]?.stringValue == "reader")
            #expect(bearer.json["csrfToken"]?.stringValue == nil)
        }
    }

    @Test func stateChangingCookieRequestsNeedTheCSRFTokenOrTheSameOrigin() async throws {
        try await TestGateway.with { gw in
            let browser = try await Self.signIn(gw)
            let bare = try await gw.request(.POST, "/gateway/reload", headers: ["Cookie": browser.cookie])
            #expect(bare.status == 403)
            #expect(bare.errorCode == "csrf_failed")
            let wrong = try await gw.request(.POST, "/gateway/reload", headers: ["Cookie": browser.cookie, "X-CSRF-Token": "guess"])
            #expect(wrong.errorCode == "csrf_failed")
            let foreign = try await gw.request(.POST, "/gateway/reload", headers: ["Cookie": browser.cookie, "Origin": "http://evil.example"])
            #expect(foreign.errorCode == "csrf_failed")
            let withHeader = try await gw.request(.POST, "/gateway/reload", headers: ["Cookie": browser.cookie, "X-CSRF-Token": browser.csrf])
            #expect(withHeader.status == 200)
            let origin = "http://\(gw.url.host!):\(gw.url.port!)"
            let sameOrigin = try await gw.request(.POST, "/gateway/reload", headers: ["Cookie": browser.cookie, "Origin": origin])
            #expect(sameOrigin.status == 200)
            // GET needs no proof; bearer requests are unaffected.
            #expect(try await gw.request(.GET, "/gateway", headers: ["Cookie": browser.cookie]).status == 200)
            let reload = try await gw.request(.POST, "/gateway/reload", token: "tok-admin")
            #expect(reload.status == 200, "\(reload.body)")
        }
    }

    @Test func scopesOfTheTokenApplyToItsSession() async throws {
        try await TestGateway.with { gw in
            let reader = try await Self.signIn(gw, token: "tok-read")
            let denied = try await gw.request(.POST, "/gateway/reload", headers: ["Cookie": reader.cookie, "X-CSRF-Token": reader.csrf])
            #expect(denied.status == 403)
            #expect(denied.errorCode == "forbidden")
        }
    }

    @Test func signOutEndsTheSessionOnTheServer() async throws {
        try await TestGateway.with { gw in
            let browser = try await Self.signIn(gw)
            let refused = try await gw.request(.DELETE, "/session", headers: ["Cookie": browser.cookie])
            #expect(refused.errorCode == "csrf_failed")
            let out = try await gw.request(.DELETE, "/session", headers: ["Cookie": browser.cookie, "X-CSRF-Token": browser.csrf])
            #expect(out.status == 204)
            let cleared = try #require(out.headers.first(name: "set-cookie"))
            #expect(cleared.hasPrefix("gw_session=;") && cleared.contains("Max-Age=0"))
            let after = try await gw.request(.GET, "/runs", headers: ["Cookie": browser.cookie])
            #expect(after.status == 401)
            #expect(after.errorCode == "unauthorized")
            #expect(try await gw.request(.GET, "/session", headers: ["Cookie": browser.cookie]).status == 401)
            let audit = try await gw.request(.GET, "/audit", token: "tok-admin")
            let actions = audit.json["entries"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
            #expect(actions.contains("console.signin") && actions.contains("console.signout"))
        }
    }

    @Test func aTokenRemovedByAReloadEndsItsSessions() async throws {
        try await TestGateway.with { gw in
            let reader = try await Self.signIn(gw, token: "tok-read")
            #expect(try await gw.request(.GET, "/runs", headers: ["Cookie": reader.cookie]).status == 200)
            let yaml = TestGateway.defaultConfigYAML().split(separator: "\n").filter { !$0.contains("tok-read") }.joined(separator: "\n")
            #expect(!yaml.contains("tok-read"))
            try yaml.write(toFile: gw.directory + "/gw.yaml", atomically: true, encoding: .utf8)
            let reload = try await gw.request(.POST, "/gateway/reload", token: "tok-admin")
            #expect(reload.status == 200, "\(reload.body)")
            #expect(try await gw.request(.GET, "/runs", headers: ["Cookie": reader.cookie]).status == 401)
        }
    }

    @Test func sessionsExpireAndCookiesParse() {
        let now = Mutex(Date())
        let sessions = ConsoleSessions(clock: { now.withLock { $0 } })
        let (id, _) = sessions.create(tokenDigest: [1, 2, 3])
        #expect(sessions.session(id) != nil)
        #expect(sessions.session(id + "x") == nil)
        now.withLock { $0 = $0.addingTimeInterval(12 * 3600 + 1) }
        #expect(sessions.session(id) == nil)
        #expect(ConsoleSessions.cookieValue("a=1; gw_session=abc; b=2") == "abc")
        #expect(ConsoleSessions.cookieValue("gw_session=") == nil)
        #expect(ConsoleSessions.cookieValue("xgw_session=abc") == nil)
    }
}
