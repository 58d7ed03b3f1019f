import Foundation
import Testing
@testable import GatewayKit

@Suite struct WebhookSignatureTests {
    static let body = Data(#"{"ref":"main"}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func gitHubSignaturesAreCheckedAgainstTheBody() throws {
        let good = "sha256=" + WebhookSignature.hexMAC(Self.body, secret: "s3cret")
        try WebhookSignature.verifyGitHub(header: good, body: Self.body, secret: "s3cret")
        #expect(throws: WebhookSignature.Failure.self) { try WebhookSignature.verifyGitHub(header: good, body: Data("x".utf8), secret: "s3cret") }
        #expect(throws: WebhookSignature.Failure.self) { try WebhookSignature.verifyGitHub(header: nil, body: Self.body, secret: "s3cret") }
        #expect(throws: WebhookSignature.Failure.self) { try WebhookSignature.verifyGitHub(header: "sha1=ab", body: Self.body, secret: "s3cret") }
    }

    @Test func hmacSignaturesCarryATimestampWithinFiveMinutes() throws {
        func header(_ t: Int) -> String {
            "t=\(t),v1=" + WebhookSignature.hexMAC(Data("\(t).".utf8) + Self.body, secret: "k")
        }
        let t = Int(Self.now.timeIntervalSince1970)
        try WebhookSignature.verifyHMAC(header: header(t - 299), body: Self.body, secret: "k", now: Self.now)
        do {
            try WebhookSignature.verifyHMAC(header: header(t - 301), body: Self.body, secret: "k", now: Self.now)
            Issue.record("a stale timestamp passed")
        } catch { #expect(error.reason.contains("5 minutes")) }
        #expect(throws: WebhookSignature.Failure.self) {
            try WebhookSignature.verifyHMAC(header: header(t), body: Self.body, secret: "other", now: Self.now)
        }
        #expect(throws: WebhookSignature.Failure.self) {
            try WebhookSignature.verifyHMAC(header: "t=\(t)", body: Self.body, secret: "k", now: Self.now)
        }
    }
}
