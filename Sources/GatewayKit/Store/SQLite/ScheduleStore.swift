import Foundation
import GRDB

/// Schedules (definition and state), the last fire of each trigger, and webhook delivery ids, in SQLite.
/// State updates go through the group-commit `StoreWriter` without waiting; definitions are awaited.
final class ScheduleStore: Sendable {
    /// A schedule as stored: its fields as written and its state.
    struct Stored: Sendable {
        var id: String
        var pipelineId: String
        var source: String
        var fields: [String: JSONValue]
        var createdAt: Date
        var state: ScheduleState
    }

    let pool: DatabasePool
    let writer: StoreWriter

    init(pool: DatabasePool, writer: StoreWriter) {
        self.pool = pool
        self.writer = writer
    }

    // MARK: - Schedules

    /// Every stored schedule.
    func schedules() throws -> [Stored] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM schedules ORDER BY id").map(Self.decode) }
    }

    /// Inserts or replaces a schedule with its state; returns once committed.
    func save(_ definition: ScheduleDefinition, state: ScheduleState) async throws {
        try await writer.write([Self.upsert(definition, state: state)])
    }

    /// Inserts or replaces a schedule with its state, with the next group commit (not awaited).
    func submitSave(_ definition: ScheduleDefinition, state: ScheduleState) {
        _ = writer.submit([Self.upsert(definition, state: state)])
    }

    /// Deletes a schedule with the next group commit (not awaited).
    func submitDelete(_ id: String) {
        _ = writer.submit([{ db in try db.execute(sql: "DELETE FROM schedules WHERE id = ?", arguments: [id]) }])
    }

    /// Deletes a schedule; returns once committed.
    func delete(_ id: String) async throws {
        try await writer.write([{ db in try db.execute(sql: "DELETE FROM schedules WHERE id = ?", arguments: [id]) }])
    }

    /// Records a schedule's state with the next group commit (not awaited).
    func submitState(_ id: String, _ s: ScheduleState) {
        _ = writer.submit([{ db in
            try db.execute(sql: """
                UPDATE schedules SET paused = ?, fired = ?, dropped = ?, last_fired_at = ?, last_planned_at = ?,
                  last_outcome = ?, last_error = ?, last_error_at = ?, last_run_id = ? WHERE id = ?
                """, arguments: [s.paused, s.fired, s.dropped, s.lastFiredAt?.timeIntervalSince1970,
                                 s.lastPlannedAt?.timeIntervalSince1970, s.lastOutcome, s.lastError,
                                 s.lastErrorAt?.timeIntervalSince1970, s.lastRunId, id])
        }])
    }

    private static func upsert(_ d: ScheduleDefinition, state s: ScheduleState) -> StoreWriter.Operation {
        let fields = JSONValue.object(d.fields).jsonString
        let (id, pipelineId, source, createdAt) = (d.id, d.pipelineId, d.source, d.createdAt.timeIntervalSince1970)
        return { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO schedules (id, pipeline_id, source, fields, created_at, paused, fired, dropped,
                  last_fired_at, last_planned_at, last_outcome, last_error, last_error_at, last_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, pipelineId, source, fields, createdAt, s.paused, s.fired, s.dropped,
                                 s.lastFiredAt?.timeIntervalSince1970, s.lastPlannedAt?.timeIntervalSince1970,
                                 s.lastOutcome, s.lastError, s.lastErrorAt?.timeIntervalSince1970, s.lastRunId])
        }
    }

    private static func decode(_ row: Row) throws -> Stored {
        let fields = try JSONValue.parse(Data((row["fields"] as String).utf8)).objectValue ?? [:]
        var state = ScheduleState()
        state.paused = row["paused"]
        state.fired = row["fired"]
        state.dropped = row["dropped"]
        state.lastFiredAt = date(row["last_fired_at"])
        state.lastPlannedAt = date(row["last_planned_at"])
        state.lastOutcome = row["last_outcome"]
        state.lastError = row["last_error"]
        state.lastErrorAt = date(row["last_error_at"])
        state.lastRunId = row["last_run_id"]
        return Stored(id: row["id"], pipelineId: row["pipeline_id"], source: row["source"], fields: fields,
                      createdAt: Date(timeIntervalSince1970: row["created_at"]), state: state)
    }

    private static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }
}
