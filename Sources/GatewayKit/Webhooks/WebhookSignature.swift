package import Foundation
import Crypto

/// Checks a webhook delivery's signature (DESIGN §5); pure, the clock is a parameter.
package enum WebhookSignature {
    /// How old (or how far in the future) an `hmac-sha256` timestamp may be.
    package static let tolerance: TimeInterval = 300

    /// Why a signature was refused, worded for the sender.
    package struct Failure: Error, Sendable, Equatable {
        package var reason: String
    }

    /// GitHub's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`.
    package static func verifyGitHub(header: String?, body: Data, secret: String) throws(Failure) {
        guard let header else { throw Failure(reason: "missing X-Hub-Signature-256 header") }
        guard header.hasPrefix("sha256="), let mac = hexBytes(header.dropFirst(7)) else {
            throw Failure(reason: "X-Hub-Signature-256 must be sha256=<hex>")
        }
        guard valid(mac, for: body, secret: secret) else { throw Failure(reason: "X-Hub-Signature-256 does not match the body") }
    }

    /// gw's `X-Gw-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, at most `tolerance` from `now`.
    package static func verifyHMAC(header: String?, body: Data, secret: String, now: Date) throws(Failure) {
        guard let header else { throw Failure(reason: "missing X-Gw-Signature header") }
        var parts: [String: String] = [:]
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { parts[pair[0]] = pair[1] }
        }
        guard let t = parts["t"], let seconds = Int(t), let v1 = parts["v1"], let mac = hexBytes(Substring(v1)) else {
            throw Failure(reason: "X-Gw-Signature must be t=<unix seconds>,v1=<hex>")
        }
        guard abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else {
            throw Failure(reason: "X-Gw-Signature timestamp is more than 5 minutes away from the gateway's clock")
        }
        guard valid(mac, for: Data((t + ".").utf8) + body, secret: secret) else {
            throw Failure(reason: "X-Gw-Signature does not match the timestamp and body")
        }
    }

    /// The lower-case hex HMAC-SHA256 of `message` (for senders and tests).
    package static func hexMAC(_ message: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Compares in constant time.
    private static func valid(_ mac: [UInt8], for message: Data, secret: String) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }

    private static func hexBytes(_ text: Substring) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0, !chars.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        for i in stride(from: 0, to: chars.count, by: 2) {
            guard let byte = UInt8(String(decoding: chars[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}
