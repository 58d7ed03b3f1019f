import Foundation
import GRDB

extension AuditLog {
    /// Filters of `GET /audit`.
    package struct Query: Sendable {
        var runId: String?
        var actor: String?
        var action: String?
        var since: Date?
        var until: Date?
        var limit: Int
        /// Entries after this seq.
        var after: Int?
    }

    /// A page of entries, oldest first.
    package func list(_ q: Query) async throws -> [AuditEntry] {
        try await readPool.read { db in
            var clauses: [String] = []
            var args: [any DatabaseValueConvertible] = []
            if let v = q.runId { clauses.append("run_id = ?"); args.append(v) }
            if let v = q.actor { clauses.append("actor = ?"); args.append(v) }
            if let v = q.action { clauses.append("action = ?"); args.append(v) }
            if let v = q.since { clauses.append("at >= ?"); args.append(v.timeIntervalSince1970) }
            if let v = q.until { clauses.append("at <= ?"); args.append(v.timeIntervalSince1970) }
            if let v = q.after { clauses.append("seq > ?"); args.append(v) }
            let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM audit \(whereSQL) ORDER BY seq LIMIT ?",
                                    arguments: StatementArguments(args + [q.limit])).map(Self.entry)
        }
    }

    /// Recomputes the chain: `ok`, the number of entries, and the seq of the first broken entry.
    package func verify() async throws -> (ok: Bool, entries: Int, brokenAt: Int?) {
        try await readPool.read { db in
            var previous = AuditEntry.genesis
            var expectedSeq = 1
            var count = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
            while let row = try cursor.next() {
                let entry = Self.entry(row)
                count += 1
                if entry.seq != expectedSeq || entry.prevHash != previous || Self.hash(entry) != entry.hash {
                    return (false, count, entry.seq)
                }
                previous = entry.hash
                expectedSeq += 1
            }
            return (true, count, nil)
        }
    }

    private var readPool: DatabasePool { poolForReads }

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(seq: row["seq"], at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"], action: row["action"],
                   target: row["target"], reason: row["reason"], runId: row["run_id"], hash: row["hash"], prevHash: row["prev_hash"])
    }
}
