import Crypto
import Foundation
import Synchronization

/// Console sign-in sessions, in memory only (a restart signs everyone out).
///
/// The cookie carries a random 32-byte id; the table is keyed by the id's SHA-256, so a lookup never compares
/// the secret itself. A session keeps the SHA-256 of the token it was made from (never the token), so every
/// request re-checks that token against the verifier: a token removed or changed by a reload ends its sessions.
final class ConsoleSessions: Sendable {
    /// What the server knows about one signed-in browser.
    struct Session: Sendable {
        let tokenDigest: [UInt8]
        let csrfToken: String
        let expiresAt: Date
    }

    /// The cookie's name.
    static let cookieName = "gw_session"
    /// How long a session lasts after sign-in (not extended by use).
    static let lifetime: TimeInterval = 12 * 3600
    /// Most sessions kept at once; the oldest goes when a new one would exceed it.
    static let limit = 10_000

    private let table = Mutex<[String: Session]>([:])
    private let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date = { Date() }) { self.clock = clock }

    /// Starts a session for the token with `tokenDigest`.
    /// - Returns: the session id (the cookie's value) and the session.
    func create(tokenDigest: [UInt8]) -> (id: String, session: Session) {
        let id = Self.randomToken()
        let now = clock()
        let session = Session(tokenDigest: tokenDigest, csrfToken: Self.randomToken(), expiresAt: now.addingTimeInterval(Self.lifetime))
        table.withLock { sessions in
            sessions = sessions.filter { $0.value.expiresAt > now }
            if sessions.count >= Self.limit, let oldest = sessions.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
                sessions[oldest.key] = nil
            }
            sessions[Self.key(id)] = session
        }
        return (id, session)
    }

    /// The live session with `id`, nil when unknown, ended or expired.
    func session(_ id: String) -> Session? {
        let key = Self.key(id), now = clock()
        return table.withLock { sessions in
            guard let session = sessions[key] else { return nil }
            guard session.expiresAt > now else {
                sessions[key] = nil
                return nil
            }
            return session
        }
    }

    /// Ends the session with `id` (no effect when there is none).
    func remove(_ id: String) {
        _ = table.withLock { $0.removeValue(forKey: Self.key(id)) }
    }

    /// Sessions currently held (expired ones included until they are swept).
    var count: Int { table.withLock { $0.count } }

    /// The `gw_session` value of a `Cookie` header, if any.
    static func cookieValue(_ header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName {
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// The `Set-Cookie` value that stores `id` in the browser (`Secure` only over https).
    static func setCookie(_ id: String, secure: Bool) -> String {
        "\(cookieName)=\(id); Path=/; Max-Age=\(Int(lifetime)); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that deletes the cookie.
    static func clearCookie(secure: Bool) -> String {
        "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    private static func key(_ id: String) -> String {
        SHA256.hash(data: Data(id.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 32 random bytes (the system's CSPRNG), base64url without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
