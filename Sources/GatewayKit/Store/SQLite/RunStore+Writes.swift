import Foundation
import GRDB

/// Write operations, as closures for the `StoreWriter`. SQL text lives only here and in the reads.
extension RunStore {
    static func insertRun(_ r: RunRecord) -> StoreWriter.Operation {
        let values: [DatabaseValue] = dbValues([
            r.runId, r.pipelineId, r.pipelineVersion, r.status.rawValue, r.input.jsonString, r.output?.jsonString,
            r.error.map(columnJSON), columnJSON(r.trigger), r.parentRunId, r.idempotencyKey, r.createdAt.timeIntervalSince1970,
            r.startedAt?.timeIntervalSince1970, r.finishedAt?.timeIntervalSince1970, columnJSON(r.waitingOn),
            r.retryOf?.runId, r.retryOf?.fromStep,
        ])
        return { db in
            try db.execute(sql: """
                INSERT INTO runs (run_id, pipeline_id, pipeline_version, status, input, output, error, trigger, parent_run_id,
                  idempotency_key, created_at, started_at, finished_at, waiting_on, retry_of_run_id, retry_from_step)
                  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """, arguments: StatementArguments(values))
        }
    }

    /// Updates the mutable fields of a run.
    static func updateRun(_ r: RunRecord) -> StoreWriter.Operation {
        let values: [DatabaseValue] = dbValues([
            r.status.rawValue, r.output?.jsonString, r.error.map(columnJSON), r.startedAt?.timeIntervalSince1970,
            r.finishedAt?.timeIntervalSince1970, columnJSON(r.waitingOn), r.runId,
        ])
        return { db in
            try db.execute(sql: """
                UPDATE runs SET status = ?, output = ?, error = ?, started_at = ?, finished_at = ?, waiting_on = ? WHERE run_id = ?
                """, arguments: StatementArguments(values))
        }
    }

    static func upsertStep(runId: String, _ s: StepRecord, ordinal: Int) -> StoreWriter.Operation {
        let values: [DatabaseValue] = dbValues([
            runId, s.key, s.id, s.kind, s.status, s.attempt, s.startedAt?.timeIntervalSince1970,
            s.finishedAt?.timeIntervalSince1970, s.output?.jsonString, s.error.map(columnJSON), s.wakeAt?.timeIntervalSince1970, ordinal,
        ])
        return { db in
            try db.execute(sql: """
                INSERT INTO steps (run_id, step_key, step_id, kind, status, attempt, started_at, finished_at, output, error, wake_at, ordinal)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(run_id, step_key) DO UPDATE SET status = excluded.status, attempt = excluded.attempt,
                  started_at = excluded.started_at, finished_at = excluded.finished_at, output = excluded.output,
                  error = excluded.error, wake_at = excluded.wake_at
                """, arguments: StatementArguments(values))
        }
    }

    private static func dbValues(_ values: [(any DatabaseValueConvertible)?]) -> [DatabaseValue] {
        values.map { $0?.databaseValue ?? .null }
    }

    static func insertEvents(_ events: [RunEvent]) -> StoreWriter.Operation {
        { db in
            for e in events {
                try db.execute(sql: "INSERT INTO events (run_id, seq, type, at, step_id, data) VALUES (?,?,?,?,?,?)",
                               arguments: [e.runId, e.seq, e.type, e.at.timeIntervalSince1970, e.stepId, e.data.jsonString])
            }
            if let last = events.last {
                try db.execute(sql: "UPDATE runs SET last_seq = ? WHERE run_id = ?", arguments: [last.seq, last.runId])
            }
        }
    }

    static func insertIdempotencyKey(pipelineId: String, key: String, bodyHash: String, runId: String) -> StoreWriter.Operation {
        { db in
            try db.execute(sql: """
                INSERT INTO idempotency_keys (pipeline_id, key, body_hash, run_id, created_at) VALUES (?,?,?,?,?)
                ON CONFLICT(pipeline_id, key) DO UPDATE SET body_hash = excluded.body_hash, run_id = excluded.run_id,
                  created_at = excluded.created_at
                """, arguments: [pipelineId, key, bodyHash, runId, Date().timeIntervalSince1970])
        }
    }

    static func insertPipelineVersion(version: String, pipelineId: String, file: String, source: String) -> StoreWriter.Operation {
        { db in
            try db.execute(sql: "INSERT OR IGNORE INTO pipeline_versions (version, pipeline_id, file, source) VALUES (?,?,?,?)",
                           arguments: [version, pipelineId, file, source])
        }
    }
}
