import Foundation
import GRDB

extension ScheduleStore {
    // MARK: - Trigger fires

    /// The last fire of every trigger that has fired, with the run it started.
    func triggerFires() throws -> [String: Scheduler.TriggerFire] {
        try pool.read { db in
            var out: [String: Scheduler.TriggerFire] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trigger_id, last_fired_at, last_run_id FROM trigger_fires") {
                out[row["trigger_id"]] = .init(at: Date(timeIntervalSince1970: row["last_fired_at"]), runId: row["last_run_id"])
            }
            return out
        }
    }

    /// Records that a trigger fired and started `runId`, with the next group commit.
    func submitTriggerFire(_ triggerId: String, _ fire: Scheduler.TriggerFire) {
        _ = writer.submit([{ db in
            try db.execute(sql: """
                INSERT INTO trigger_fires (trigger_id, last_fired_at, last_run_id) VALUES (?, ?, ?)
                ON CONFLICT(trigger_id) DO UPDATE SET last_fired_at = excluded.last_fired_at, last_run_id = excluded.last_run_id
                """, arguments: [triggerId, fire.at.timeIntervalSince1970, fire.runId])
        }])
    }

    // MARK: - Webhook deliveries

    /// Claims a delivery id for a trigger; returns false when it was seen before. Committed on return.
    func claimDelivery(triggerId: String, deliveryId: String, at: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO webhook_deliveries (trigger_id, delivery_id, received_at) VALUES (?, ?, ?)",
                           arguments: [triggerId, deliveryId, at.timeIntervalSince1970])
            return db.changesCount == 1
        }
    }

    /// Gives a delivery id back (its run could not start, so the sender may retry it).
    func releaseDelivery(triggerId: String, deliveryId: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM webhook_deliveries WHERE trigger_id = ? AND delivery_id = ?",
                           arguments: [triggerId, deliveryId])
        }
    }
}
