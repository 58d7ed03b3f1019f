import Foundation
import GRDB

/// Breakpoints and waiting-run queries.
extension RunStore {
    func breakpoints() async throws -> [Breakpoint] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM breakpoints ORDER BY step_id, pipeline_id").map { row in
                let pipeline: String = row["pipeline_id"]
                return Breakpoint(stepId: row["step_id"], pipelineId: pipeline.isEmpty ? nil : pipeline,
                                  createdAt: Date(timeIntervalSince1970: row["created_at"]), actor: row["actor"])
            }
        }
    }

    func saveBreakpoint(_ b: Breakpoint) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO breakpoints (step_id, pipeline_id, created_at, actor) VALUES (?,?,?,?)
                ON CONFLICT(step_id, pipeline_id) DO UPDATE SET created_at = excluded.created_at, actor = excluded.actor
                """, arguments: [b.stepId, b.pipelineId ?? "", b.createdAt.timeIntervalSince1970, b.actor])
        }
    }

    func deleteBreakpoint(stepId: String, pipelineId: String?) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM breakpoints WHERE step_id = ? AND pipeline_id = ?", arguments: [stepId, pipelineId ?? ""])
        }
    }

    /// What waiting runs wait on (for `/approvals` and `/debug/runs`): only the columns needed, only the
    /// rows whose waiting entries mention `kind`.
    func waitingEntries(kind: String) async throws -> [(runId: String, pipelineId: String, entries: [WaitingOn])] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT run_id, pipeline_id, waiting_on FROM runs
                WHERE status = 'waiting' AND instr(waiting_on, ?) > 0 ORDER BY run_id
                """, arguments: ["\"kind\":\"\(kind)\""]).map { row in
                (row["run_id"], row["pipeline_id"], Self.waitingOnList(row["waiting_on"]))
            }
        }
    }

    /// Every waiting run's pipeline version and waits, in one narrow query (to park them again at start).
    func waitingRuns() async throws -> [(runId: String, pipelineId: String, version: String, waitingOn: [WaitingOn])] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT run_id, pipeline_id, pipeline_version, waiting_on FROM runs WHERE status = 'waiting'")
                .map { ($0["run_id"], $0["pipeline_id"], $0["pipeline_version"], Self.waitingOnList($0["waiting_on"])) }
        }
    }
}
