import GatewayKit

/// The table columns and detail fields of every resource, so the commands print them the same way.
enum Columns {
    typealias Column = Printer.Column

    // MARK: - Pipelines

    static let pipelines: [Column] = [
        .init("ID", "id"), .init("STEPS", "steps"), .init("TRIGGERS", "triggers"), .init("OPENAI", "openai"),
        .init("DESCRIPTION", "description"),
    ]

    static let pipeline: [Column] = [
        .init("ID", "id"), .init("Description", "description"), .init("Version", "version"), .init("Source", "source"),
        .init("Timeout", "timeout"), .init("OpenAI", "openai"),
        .init("Steps", "steps", format: ids), .init("Triggers", "triggers", format: ids), .init("Input", "input"),
    ]

    // MARK: - Runs

    static let runs: [Column] = [
        .init("RUN ID", "runId"), .init("PIPELINE", "pipelineId"), .init("STATUS", "status"),
        .init("TRIGGER", "trigger", "kind"), .init("CREATED", "createdAt"),
    ]

    static let run: [Column] = [
        .init("Run ID", "runId"), .init("Pipeline", "pipelineId"), .init("Version", "pipelineVersion"),
        .init("Status", "status"), .init("Trigger", "trigger", format: trigger), .init("Created", "createdAt"),
        .init("Started", "startedAt"), .init("Finished", "finishedAt"),
        .init("Waiting on", "waitingOn", format: waiting),
        .init("Steps", "steps", format: steps), .init("Error", "error", format: runError), .init("Output", "output"),
        .init("Retry of", "retryOf", format: retryOf), .init("Retries", "retries"),
    ]

    static let started: [Column] = [.init("Run ID", "runId"), .init("Status", "status")]

    static let events: [Column] = [
        .init("SEQ", "seq"), .init("TYPE", "type"), .init("STEP", "stepId"), .init("AT", "at"), .init("DATA", "data"),
    ]

    /// One event as a plain line: `seq  type  stepId  data`.
    static func eventLine(_ event: JSONValue) -> String {
        [event["seq"] ?? .null, event["type"] ?? .null, event["stepId"] ?? .null, event["data"] ?? .null]
            .map { Printer.cell($0, nil) }.joined(separator: "  ")
    }

    // MARK: - Approvals and triggers

    static let approvals: [Column] = [
        .init("RUN", "runId"), .init("PIPELINE", "pipelineId"), .init("STEP", "stepId"), .init("MESSAGE", "message"),
        .init("EXPIRES", "expiresAt"),
    ]

    static let triggers: [Column] = [
        .init("ID", "id"), .init("PIPELINE", "pipelineId"), .init("KIND", "kind"), .init("SPEC", format: spec),
        .init("LAST FIRED", "lastFiredAt"), .init("LAST RUN", "lastRunId"),
    ]

    // MARK: - Schedules

    static let schedules: [Column] = [
        .init("ID", "id"), .init("PIPELINE", "pipelineId"), .init("SPEC", format: spec), .init("TZ", "timezone"),
        .init("NEXT", "nextFireAt"), .init("LAST FIRED", "lastFiredAt"), .init("LAST OUTCOME", "lastOutcome"),
        .init("LAST RUN", "lastRunId"), .init("LAST ERROR", format: lastError), .init("PAUSED", "paused"),
    ]

    static let schedule: [Column] = [
        .init("ID", "id"), .init("Pipeline", "pipelineId"), .init("Source", "source"), .init("Spec", format: spec),
        .init("Time zone", "timezone"), .init("Overlap", "overlap"), .init("Catchup", "catchup"),
        .init("Jitter", "jitter"),
        .init("Paused", "paused"), .init("Fired", "fired"), .init("In flight", "inflight"), .init("Queued", "queued"),
        .init("Dropped", "dropped"), .init("Last fired", "lastFiredAt"), .init("Next fire", "nextFireAt"),
        .init("Last outcome", "lastOutcome"), .init("Last run", "lastRunId"), .init("Last error", "lastError"),
        .init("Last error at", "lastErrorAt"), .init("Input", "input"),
    ]

    static let fires: [Column] = [
        .init("AT", "at"), .init("LOCAL", "local"), .init("OFFSET", "offset"), .init("NOTE", "note"),
    ]

    // MARK: - Sessions, debug, audit

    static let sessions: [Column] = [
        .init("ID", "id"), .init("AGENT", "agent"), .init("STATE", "state"), .init("PIPELINE", "pipelineId"),
        .init("TURNS", "turns"), .init("LAST USED", "lastUsedAt"), .init("EXPIRES", "expiresAt"),
    ]

    static let session: [Column] = [
        .init("ID", "id"), .init("Agent", "agent"), .init("Key", "key"), .init("ACP session", "acpSessionId"),
        .init("State", "state"), .init("PID", "pid"), .init("Pipeline", "pipelineId"), .init("Last run", "lastRunId"),
        .init("Turns", "turns"), .init("Created", "createdAt"), .init("Last used", "lastUsedAt"),
        .init("Expires", "expiresAt"),
    ]

    static let breakpoints: [Column] = [
        .init("STEP", "stepId"), .init("PIPELINE", "pipelineId"), .init("ACTOR", "actor"),
        .init("CREATED", "createdAt"),
    ]

    static let debugRuns: [Column] = [
        .init("RUN", "runId"), .init("PIPELINE", "pipelineId"), .init("STEP", "stepId"), .init("SINCE", "since"),
    ]

    static let audit: [Column] = [
        .init("SEQ", "seq"), .init("AT", "at"), .init("ACTOR", "actor"), .init("ACTION", "action"),
        .init("TARGET", "target"), .init("REASON", "reason"),
    ]

    // MARK: - Formats

    /// `cron 0 3 * * *`, `every 5m`, `at 2026-…` or `hook github`, whichever the row has.
    private static let spec: @Sendable (JSONValue) -> String = { row in
        for key in ["cron", "every", "at"] { if let value = row[key]?.stringValue { return "\(key) \(value)" } }
        if let path = row["path"]?.stringValue { return "hook \(path)" }
        return "-"
    }

    /// `2026-12-01T03:00:00Z: pipeline 'x' not found`: when a schedule last failed to start a run, and why.
    private static let lastError: @Sendable (JSONValue) -> String = { row in
        guard let error = row["lastError"]?.stringValue else { return "-" }
        return [row["lastErrorAt"]?.stringValue, error].compactMap { $0 }.joined(separator: ": ")
    }

    private static let ids: @Sendable (JSONValue) -> String = { value in
        let ids = value.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        return ids.isEmpty ? "-" : ids.joined(separator: ", ")
    }

    private static let trigger: @Sendable (JSONValue) -> String = { value in
        let kind = value["kind"]?.stringValue ?? "-"
        let extra = [value["id"]?.stringValue, value["actor"]?.stringValue.map { "by \($0)" }].compactMap { $0 }
        return ([kind] + extra).joined(separator: " ")
    }

    private static let waiting: @Sendable (JSONValue) -> String = { value in
        let items = value.arrayValue?.map { item in
            "\(item["kind"]?.stringValue ?? "?") \(item["stepId"]?.stringValue ?? "?")"
        } ?? []
        return items.isEmpty ? "-" : items.joined(separator: ", ")
    }

    private static let steps: @Sendable (JSONValue) -> String = { value in
        let items = value.arrayValue?.map { item in
            "\(item["id"]?.stringValue ?? "?"):\(item["status"]?.stringValue ?? "?")"
        } ?? []
        return items.isEmpty ? "-" : items.joined(separator: " ")
    }

    /// `RUN from STEP` for a retry, else `-`.
    private static let retryOf: @Sendable (JSONValue) -> String = { value in
        guard let runId = value["runId"]?.stringValue else { return "-" }
        return "\(runId) from \(value["fromStep"]?.stringValue ?? "?")"
    }

    private static let runError: @Sendable (JSONValue) -> String = { value in
        guard let message = value["message"]?.stringValue else { return "-" }
        let step = value["stepId"]?.stringValue.map { ", step \($0)" } ?? ""
        return "\(message) (\(value["code"]?.stringValue ?? "error")\(step))"
    }
}
