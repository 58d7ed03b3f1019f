import Foundation
import GRDB

/// Runs, steps, events and idempotency keys in SQLite. Writes go through the group-commit `StoreWriter`.
final class RunStore: Sendable {
    let pool: DatabasePool
    let writer: StoreWriter

    init(database: GatewayDatabase, metrics: GatewayMetrics? = nil) {
        pool = database.pool
        var observe: (@Sendable (Double) -> Void)?
        if let histogram = metrics?.storeTransaction { observe = { histogram.record($0) } }
        writer = StoreWriter(pool: database.pool, observe: observe)
    }

    // MARK: - Reads

    /// The run with its steps, or nil.
    func run(_ runId: String) async throws -> RunRecord? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [runId]) else { return nil }
            var record = try Self.decodeRun(row)
            record.steps = try Self.fetchSteps(db, runIds: [runId])[runId] ?? []
            record.retries = try Self.fetchRetries(db, runIds: [runId])[runId] ?? []
            return record
        }
    }

    /// A page of runs, newest first; `cursor` is the last run id of the previous page.
    func runs(pipelineId: String?, status: String?, limit: Int, cursor: String?) async throws -> [RunRecord] {
        try await pool.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let pipelineId { clauses.append("pipeline_id = ?"); arguments += [pipelineId] }
            if let status { clauses.append("status = ?"); arguments += [status] }
            if let cursor { clauses.append("run_id < ?"); arguments += [cursor] }
            let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM runs \(whereSQL) ORDER BY run_id DESC LIMIT ?",
                                        arguments: arguments + [limit])
            var runs = try rows.map(Self.decodeRun)
            let steps = try Self.fetchSteps(db, runIds: runs.map(\.runId))
            let retries = try Self.fetchRetries(db, runIds: runs.map(\.runId))
            for i in runs.indices {
                runs[i].steps = steps[runs[i].runId] ?? []
                runs[i].retries = retries[runs[i].runId] ?? []
            }
            return runs
        }
    }

    /// Events with `seq > since`, in order.
    func events(_ runId: String, since: Int, limit: Int) async throws -> [RunEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                             arguments: [runId, since, limit]).map { row in
                RunEvent(seq: row["seq"], runId: row["run_id"], type: row["type"], at: Date(timeIntervalSince1970: row["at"]),
                         stepId: row["step_id"], data: (try? JSONValue.parse(Data((row["data"] as String).utf8))) ?? .null)
            }
        }
    }

    /// Ids and last seqs of runs that are not terminal (for recovery at start).
    func unfinishedRuns() async throws -> [(runId: String, lastSeq: Int)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT run_id, last_seq FROM runs WHERE status IN ('queued','running','waiting') ORDER BY run_id")
                .map { ($0["run_id"], $0["last_seq"]) }
        }
    }

    /// The last event seq of a run (0 when none).
    func lastSeq(_ runId: String) async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT last_seq FROM runs WHERE run_id = ?", arguments: [runId]) ?? 0 }
    }

    /// The first run started with this idempotency key on this pipeline within `window` seconds.
    func idempotentRun(pipelineId: String, key: String, window: Double) async throws -> (bodyHash: String, runId: String)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT body_hash, run_id FROM idempotency_keys WHERE pipeline_id = ? AND key = ? AND created_at > ?",
                             arguments: [pipelineId, key, Date().timeIntervalSince1970 - window]).map { ($0["body_hash"], $0["run_id"]) }
        }
    }

    /// The file and source text of a pinned pipeline version.
    func pipelineSource(version: String) async throws -> (file: String, source: String)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT file, source FROM pipeline_versions WHERE version = ?", arguments: [version])
                .map { ($0["file"], $0["source"]) }
        }
    }
}
