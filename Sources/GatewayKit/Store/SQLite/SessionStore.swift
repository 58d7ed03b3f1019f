import Foundation
import GRDB

/// ACP session records in SQLite. Writes are awaited: a session is durable before its turn is answered.
final class SessionStore: Sendable {
    let pool: DatabasePool

    init(database: GatewayDatabase) {
        pool = database.pool
    }

    /// Every session, oldest first.
    func all() async throws -> [SessionRecord] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY id").map(Self.decode) }
    }

    /// One session, or nil.
    func get(_ id: String) async throws -> SessionRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]).map(Self.decode)
        }
    }

    /// The reusable (active or idle) session of `agent` with `key`, the most recent when several.
    func reusable(agent: String, key: String) async throws -> SessionRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM sessions WHERE agent = ? AND key = ? AND state IN ('active', 'idle')
                ORDER BY last_used_at DESC LIMIT 1
                """, arguments: [agent, key]).map(Self.decode)
        }
    }

    /// Inserts or replaces a session.
    func save(_ s: SessionRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO sessions (id, agent, key, acp_session_id, state, pid, pipeline_id, last_run_id,
                  turns, created_at, last_used_at, expires_at, cwd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [s.id, s.agent, s.key, s.acpSessionId, s.state.rawValue, s.pid, s.pipelineId, s.lastRunId,
                                 s.turns, s.createdAt.timeIntervalSince1970, s.lastUsedAt.timeIntervalSince1970,
                                 s.expiresAt?.timeIntervalSince1970, s.cwd])
        }
    }

    /// Deletes sessions by id.
    func delete(_ ids: [String]) async throws {
        guard !ids.isEmpty else { return }
        try await pool.write { db in
            for id in ids { try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id]) }
        }
    }

    /// At start no agent process of ours is live: `active` sessions become `idle` (no pid).
    func markActiveIdle() throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE sessions SET state = 'idle', pid = NULL WHERE state = 'active'")
        }
    }

    /// Idle sessions whose `expiresAt` passed become `expired`; returns their ids.
    func expireIdle(now: Date) async throws -> [String] {
        try await pool.write { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM sessions WHERE state = 'idle' AND expires_at < ?",
                                          arguments: [now.timeIntervalSince1970])
            for id in ids { try db.execute(sql: "UPDATE sessions SET state = 'expired' WHERE id = ?", arguments: [id]) }
            return ids
        }
    }

    /// Session counts by state.
    func counts() async throws -> [String: Int] {
        try await pool.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM sessions GROUP BY state") {
                out[row["state"]] = row["n"]
            }
            return out
        }
    }

    private static func decode(_ row: Row) -> SessionRecord {
        SessionRecord(id: row["id"], agent: row["agent"], key: row["key"], acpSessionId: row["acp_session_id"],
                      state: SessionRecord.State(rawValue: row["state"]) ?? .idle, pid: row["pid"],
                      pipelineId: row["pipeline_id"], lastRunId: row["last_run_id"], turns: row["turns"],
                      createdAt: Date(timeIntervalSince1970: row["created_at"]),
                      lastUsedAt: Date(timeIntervalSince1970: row["last_used_at"]),
                      expiresAt: (row["expires_at"] as Double?).map(Date.init(timeIntervalSince1970:)), cwd: row["cwd"])
    }
}
