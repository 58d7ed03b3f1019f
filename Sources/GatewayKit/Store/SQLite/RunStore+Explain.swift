import Foundation
import GRDB

extension RunStore {
    /// The events `explain` reads: every event but output chunks (`step.log`, `step.delta`), in order, the first `limit`.
    func explainEvents(_ runId: String, limit: Int = 20_000) async throws -> [RunEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM events WHERE run_id = ? AND type NOT IN ('step.log', 'step.delta') ORDER BY seq LIMIT ?
                """, arguments: [runId, limit]).map { row in
                RunEvent(seq: row["seq"], runId: row["run_id"], type: row["type"], at: Date(timeIntervalSince1970: row["at"]),
                         stepId: row["step_id"], data: (try? JSONValue.parse(Data((row["data"] as String).utf8))) ?? .null)
            }
        }
    }
}
