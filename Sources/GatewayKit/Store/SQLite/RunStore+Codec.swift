import Foundation
import GRDB

extension RunStore {
    static func decodeRun(_ row: Row) throws -> RunRecord {
        RunRecord(
            runId: row["run_id"], pipelineId: row["pipeline_id"], pipelineVersion: row["pipeline_version"],
            status: RunStatus(rawValue: row["status"]) ?? .failed,
            input: json(row["input"]) ?? .null, output: json(row["output"]),
            error: decode(RunFailure.self, row["error"]),
            trigger: decode(RunTrigger.self, row["trigger"]) ?? RunTrigger(kind: "api"),
            parentRunId: row["parent_run_id"], idempotencyKey: row["idempotency_key"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            waitingOn: waitingOnList(row["waiting_on"]), steps: [],
            retryOf: (row["retry_of_run_id"] as String?).map { RetryLink(runId: $0, fromStep: row["retry_from_step"] ?? "") })
    }

    /// The ids of the runs that retry each of `runIds`, oldest first.
    static func fetchRetries(_ db: Database, runIds: [String]) throws -> [String: [String]] {
        guard !runIds.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: runIds.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
            SELECT retry_of_run_id, run_id FROM runs WHERE retry_of_run_id IN (\(marks)) ORDER BY retry_of_run_id, run_id
            """, arguments: StatementArguments(runIds))
        var out: [String: [String]] = [:]
        for row in rows { out[row["retry_of_run_id"], default: []].append(row["run_id"]) }
        return out
    }

    static func fetchSteps(_ db: Database, runIds: [String]) throws -> [String: [StepRecord]] {
        guard !runIds.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: runIds.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM steps WHERE run_id IN (\(marks)) ORDER BY run_id, ordinal",
                                    arguments: StatementArguments(runIds))
        var out: [String: [StepRecord]] = [:]
        for row in rows {
            let step = StepRecord(
                key: row["step_key"], id: row["step_id"], kind: row["kind"], status: row["status"], attempt: row["attempt"],
                startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                output: json(row["output"]), error: decode(RunFailure.self, row["error"]),
                wakeAt: (row["wake_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            out[row["run_id"], default: []].append(step)
        }
        return out
    }

    static func json(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return try? JSONValue.parse(Data(text.utf8))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? dateDecoder.decode(type, from: Data(text.utf8))
    }

    static let dateDecoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }()
}
