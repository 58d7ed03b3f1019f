import AsyncHTTPClient
import Foundation
import GatewayTestSupport
import NIOCore
import NIOHTTP1
import Testing
@testable import GatewayKit

/// The console's files: `/` → `/ui/`, ETag/304, CSP and friends, client-side routes, 404, no token.
@Suite struct ConsoleStaticTests {
    @Test func rootRedirectsToTheConsoleWithoutAToken() async throws {
        try await TestGateway.with { gw in
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            defer { _ = client.shutdown() }
            let response = try await client.execute(HTTPClientRequest(url: gw.url.absoluteString + "/"), timeout: .seconds(10))
            #expect(response.status.code == 302)
            #expect(response.headers.first(name: "location") == "/ui/")
            let bare = try await client.execute(HTTPClientRequest(url: gw.url.absoluteString + "/ui"), timeout: .seconds(10))
            #expect(bare.status.code == 302)
            #expect(bare.headers.first(name: "location") == "/ui/")
        }
    }

    @Test func indexFilesAndHeaders() async throws {
        try await TestGateway.with { gw in
            let index = try await gw.request(.GET, "/ui/")
            #expect(index.status == 200)
            #expect(index.headers.first(name: "content-type") == "text/html; charset=utf-8")
            #expect(index.headers.first(name: "content-security-policy") == "default-src 'self'; frame-ancestors 'none'")
            #expect(index.headers.first(name: "x-content-type-options") == "nosniff")
            #expect(index.headers.first(name: "cache-control") == "no-cache")
            #expect(index.body == Self.embedded("index.html"))
            let etag = try #require(index.headers.first(name: "etag"))
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count == 34)

            let script = try await gw.request(.GET, "/ui/app.js")
            #expect(script.status == 200)
            #expect(script.headers.first(name: "content-type") == "text/javascript; charset=utf-8")
            #expect(script.headers.first(name: "content-security-policy") != nil)
            #expect(script.body == Self.embedded("app.js"))
            #expect(script.headers.first(name: "etag") != etag)

            let css = try await gw.request(.GET, "/ui/style.css")
            #expect(css.headers.first(name: "content-type") == "text/css; charset=utf-8")
        }
    }

    @Test func pageURLsWithoutADotAnswerTheIndex() async throws {
        try await TestGateway.with { gw in
            let index = try await gw.request(.GET, "/ui/")
            for path in ["/ui/runs", "/ui/runs/r0123456789abcdef", "/ui/approvals", "/ui/pipelines/deploy"] {
                let page = try await gw.request(.GET, path)
                #expect(page.status == 200, "\(path)")
                #expect(page.body == index.body, "\(path)")
                #expect(page.headers.first(name: "etag") == index.headers.first(name: "etag"))
            }
        }
    }

    @Test func missingFileIs404AndNeverTheIndex() async throws {
        try await TestGateway.with { gw in
            for path in ["/ui/nope.js", "/ui/pages/nope.css", "/ui/.hidden.js"] {
                let response = try await gw.request(.GET, path)
                #expect(response.status == 404, "\(path)")
                #expect(response.errorCode == "not_found")
            }
        }
    }

    @Test func ifNoneMatchGets304() async throws {
        try await TestGateway.with { gw in
            let first = try await gw.request(.GET, "/ui/app.js")
            let etag = try #require(first.headers.first(name: "etag"))
            let again = try await gw.request(.GET, "/ui/app.js", headers: ["If-None-Match": etag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.headers.first(name: "etag") == etag)
            let weak = try await gw.request(.GET, "/ui/app.js", headers: ["If-None-Match": "\"zzz\", W/\(etag)"])
            #expect(weak.status == 304)
            let other = try await gw.request(.GET, "/ui/app.js", headers: ["If-None-Match": "\"0000\""])
            #expect(other.status == 200)
        }
    }

    @Test func consoleDirServesFromDiskWithoutARebuild() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        try "<p>v1</p>".write(toFile: dir + "/index.html", atomically: true, encoding: .utf8)
        try "export {}".write(toFile: dir + "/extra.js", atomically: true, encoding: .utf8)
        try await TestGateway.with(environment: ["GW_CONSOLE_DIR": dir]) { gw in
            let v1 = try await gw.request(.GET, "/ui/runs/r1")
            #expect(v1.body == "<p>v1</p>")
            #expect(try await gw.request(.GET, "/ui/extra.js").headers.first(name: "content-type") == "text/javascript; charset=utf-8")
            try "<p>v2</p>".write(toFile: dir + "/index.html", atomically: true, encoding: .utf8)
            let v2 = try await gw.request(.GET, "/ui/", headers: ["If-None-Match": v1.headers.first(name: "etag") ?? ""])
            #expect(v2.status == 200)
            #expect(v2.body == "<p>v2</p>")
            #expect(try await gw.request(.GET, "/ui/app.js").status == 404)
        }
    }

    @Test func pathsCannotLeaveTheFolder() {
        let assets = ConsoleAssets(directory: "/etc")
        #expect(assets.asset("../etc/passwd") == nil)
        #expect(assets.asset("passwd/../hostname") == nil)
        #expect(assets.asset("") == nil)
        #expect(ConsoleAssets().asset("../Package.swift") == nil)
    }

    /// The embedded copy of a console file, as text.
    static func embedded(_ path: String) -> String? {
        ConsoleAssets().asset(path).map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
