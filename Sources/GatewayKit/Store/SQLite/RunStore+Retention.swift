import Foundation
import GRDB

extension RunStore {
    /// What one retention pass removed.
    struct Pruned: Sendable, Equatable {
        var runs = 0
        var idempotencyKeys = 0
        var webhookDeliveries = 0
    }

    /// Deletes finished runs (completed, failed, cancelled) that ended before `finishedBefore`, with their steps,
    /// events and idempotency keys, and the idempotency keys and webhook delivery ids recorded before
    /// `windowBefore` (their 24 h replay window is over). Waiting, running and queued runs are never touched.
    /// One transaction of its own (hourly, not worth the group commit).
    func prune(finishedBefore: Date, windowBefore: Date) async throws -> Pruned {
        let cutoff = finishedBefore.timeIntervalSince1970
        let window = windowBefore.timeIntervalSince1970
        return try await pool.write { db in
            var pruned = Pruned()
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS pruned_runs (run_id TEXT PRIMARY KEY NOT NULL);
                DELETE FROM temp.pruned_runs;
                INSERT INTO temp.pruned_runs SELECT run_id FROM runs
                WHERE status IN ('completed', 'failed', 'cancelled') AND COALESCE(finished_at, created_at) < ?;
                DELETE FROM events WHERE run_id IN (SELECT run_id FROM temp.pruned_runs);
                DELETE FROM steps WHERE run_id IN (SELECT run_id FROM temp.pruned_runs);
                DELETE FROM idempotency_keys WHERE run_id IN (SELECT run_id FROM temp.pruned_runs);
                """, arguments: [cutoff])
            try db.execute(sql: "DELETE FROM runs WHERE run_id IN (SELECT run_id FROM temp.pruned_runs)")
            pruned.runs = db.changesCount
            try db.execute(sql: "DELETE FROM temp.pruned_runs")
            try db.execute(sql: "DELETE FROM idempotency_keys WHERE created_at < ?", arguments: [window])
            pruned.idempotencyKeys = db.changesCount
            try db.execute(sql: "DELETE FROM webhook_deliveries WHERE received_at < ?", arguments: [window])
            pruned.webhookDeliveries = db.changesCount
            return pruned
        }
    }
}
