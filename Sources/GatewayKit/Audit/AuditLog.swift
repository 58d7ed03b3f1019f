import Crypto
import Foundation
import GRDB

/// The append-only, hash-chained audit log: each entry carries the SHA-256 of its own canonical form,
/// which includes the previous entry's hash, so changing or removing an entry breaks the chain.
package actor AuditLog {
    private let pool: DatabasePool
    nonisolated var poolForReads: DatabasePool { pool }
    private let redaction: SecretRedaction

    init(database: GatewayDatabase, redaction: SecretRedaction) {
        pool = database.pool
        self.redaction = redaction
    }

    /// Appends an entry (secrets redacted), committed before returning. The sequence number and the previous
    /// hash are read inside the write transaction: SQLite's single writer orders concurrent appends, whereas
    /// a tip cached on the actor would be read twice across the `await` (actor reentrancy) and collide.
    @discardableResult
    package func record(actor: String, action: String, target: String, runId: String? = nil, reason: String? = nil) async throws -> AuditEntry {
        let redactor = redaction.redactor
        let draft = AuditEntry(seq: 0, at: Date(), actor: actor, action: action, target: redactor.redact(target),
                               reason: reason.map { redactor.redact($0) }, runId: runId, hash: "", prevHash: "")
        return try await pool.write { db in
            let tip = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
                .map { ($0["seq"] as Int, $0["hash"] as String) } ?? (0, AuditEntry.genesis)
            var e = draft
            e.seq = tip.0 + 1
            e.prevHash = tip.1
            e.hash = Self.hash(e)
            try db.execute(sql: """
                INSERT INTO audit (seq, at, actor, action, target, reason, run_id, hash, prev_hash) VALUES (?,?,?,?,?,?,?,?,?)
                """, arguments: [e.seq, e.at.timeIntervalSince1970, e.actor, e.action, e.target, e.reason, e.runId, e.hash, e.prevHash])
            return e
        }
    }

    /// The SHA-256 (hex) of an entry's canonical form: its fields and the previous hash, as a JSON array.
    static func hash(_ e: AuditEntry) -> String {
        let canonical: JSONValue = [.string(e.prevHash), .number(Double(e.seq)), .string(Timestamp.format(e.at)), .string(e.actor),
                                    .string(e.action), .string(e.target), e.reason.map { .string($0) } ?? .null,
                                    e.runId.map { .string($0) } ?? .null]
        return SHA256.hash(data: canonical.jsonData()).map { String(format: "%02x", $0) }.joined()
    }
}
