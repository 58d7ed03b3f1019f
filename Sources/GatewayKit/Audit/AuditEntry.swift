public import Foundation

/// One control-plane action in the hash-chained audit log.
public struct AuditEntry: Sendable, Hashable {
    public var seq: Int
    public var at: Date
    public var actor: String
    public var action: String
    public var target: String
    public var reason: String?
    public var runId: String?
    public var hash: String
    public var prevHash: String

    /// The hash of the first entry's predecessor.
    public static let genesis = String(repeating: "0", count: 64)
}
