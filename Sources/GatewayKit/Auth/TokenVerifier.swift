import Crypto
import Foundation
import Synchronization

/// Checks bearer tokens against the configured ones in constant time.
///
/// Copies share one token table, so `replaceTokens(with:)` (a config reload) reaches every holder, such as
/// the auth middleware, at once.
public struct TokenVerifier: Sendable {
    final class Table: Sendable {
        let entries: Mutex<[Entry]>
        init(_ entries: [Entry]) { self.entries = Mutex(entries) }
    }

    struct Entry: Sendable {
        let name: String
        let digest: [UInt8]
        let scope: Scope
    }

    private let table: Table
    private var entries: [Entry] { table.entries.withLock { $0 } }

    /// Names of the configured tokens (never their values).
    public var tokenNames: [String] { entries.map(\.name) }

    /// - Parameter tokens: name, SHA-256 digest and scopes of each token.
    init(entries: [Entry]) { self.table = Table(entries) }

    /// Makes every copy of this verifier check `other`'s tokens from now on.
    func replaceTokens(with other: TokenVerifier) {
        let fresh = other.entries
        table.entries.withLock { $0 = fresh }
    }

    /// Resolves the configured tokens (reading `tokenEnv` variables) plus `GW_TOKEN` as the admin token `env`.
    /// - Throws: `GatewayError` when a `tokenEnv` variable is unset or empty.
    public static func resolve(_ tokens: [GatewayConfig.TokenConfig], environment: [String: String]) throws -> TokenVerifier {
        var entries: [Entry] = []
        for token in tokens {
            let scope = token.scopes.max() ?? .read
            switch token.secret {
            case .plain(let value): entries.append(Entry(name: token.name, digest: digest(value), scope: scope))
            case .sha256(let hex): entries.append(Entry(name: token.name, digest: bytes(hex: hex), scope: scope))
            case .env(let variable):
                guard let value = environment[variable], !value.isEmpty else {
                    throw GatewayError(.badRequest, "token '\(token.name)': environment variable \(variable) (tokenEnv) is not set")
                }
                entries.append(Entry(name: token.name, digest: digest(value), scope: scope))
            }
        }
        if let value = environment["GW_TOKEN"], !value.isEmpty {
            entries.append(Entry(name: "env", digest: digest(value), scope: .admin))
        }
        return TokenVerifier(entries: entries)
    }

    /// A verifier holding one admin token (the bootstrap token).
    public static func single(name: String, token: String, scope: Scope = .admin) -> TokenVerifier {
        TokenVerifier(entries: [Entry(name: name, digest: digest(token), scope: scope)])
    }

    /// True when no token is configured.
    public var isEmpty: Bool { entries.isEmpty }

    /// The identity of `token`, or nil. Every entry is compared, in constant time, whatever matches.
    public func identify(_ token: String) -> Identity? {
        identify(digest: Self.digest(token))
    }

    /// The identity of the token whose SHA-256 is `presented` (a console session keeps only that), or nil.
    func identify(digest presented: [UInt8]) -> Identity? {
        var found: Entry?
        for entry in entries where Self.constantTimeEqual(entry.digest, presented) && found == nil {
            found = entry
        }
        return found.map { Identity(name: $0.name, scope: $0.scope) }
    }

    static func digest(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Data(token.utf8))) }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(hex.utf8)[...]
        while chars.count >= 2 {
            out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) ?? 0)
            chars = chars.dropFirst(2)
        }
        return out
    }
}
