public import Foundation

/// The lifecycle of a run: `queued → running ⇄ waiting → completed | failed | cancelled`.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, waiting, completed, failed, cancelled

    /// True for completed, failed and cancelled.
    public var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }
}

/// How a run started.
public struct RunTrigger: Sendable, Codable, Hashable {
    /// `api`, `schedule`, `webhook`, `manual`, `openai` or `invoke`.
    public var kind: String
    public var id: String?
    public var actor: String?
    /// For a run started by a schedule: the nominal fire time (RFC 3339, before jitter; DESIGN §10).
    public var fireAt: String?
    public init(kind: String, id: String? = nil, actor: String? = nil, fireAt: String? = nil) {
        self.kind = kind
        self.id = id
        self.actor = actor
        self.fireAt = fireAt
    }
}

/// Why a run or step failed.
public struct RunFailure: Sendable, Codable, Hashable, Error {
    public var code: String
    public var message: String
    public var stepId: String?
    public init(code: String, message: String, stepId: String? = nil) {
        self.code = code
        self.message = message
        self.stepId = stepId
    }
}

/// What a waiting run waits on.
public struct WaitingOn: Sendable, Codable, Hashable {
    /// `wait`, `approval`, `breakpoint` or `sleep`.
    public var kind: String
    public var stepId: String
    public var since: Date
    public var expiresAt: Date?
    /// For approvals and waits: the message shown to people.
    public var message: String?
    /// For approvals: who may decide (empty: anyone with `operate`).
    public var approvers: [String]?

    public init(kind: String, stepId: String, since: Date, expiresAt: Date?, message: String? = nil, approvers: [String]? = nil) {
        self.kind = kind
        self.stepId = stepId
        self.since = since
        self.expiresAt = expiresAt
        self.message = message
        self.approvers = approvers
    }
}

/// One step's state inside a run. `key` is unique in the run (`loop[2]/inner` for nested steps).
public struct StepRecord: Sendable, Hashable {
    public var key: String
    public var id: String
    public var kind: String
    public var status: String
    public var attempt: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    public var output: JSONValue?
    public var error: RunFailure?
    /// For durable timers (sleep, wait/approval timeouts): when the step wakes up.
    public var wakeAt: Date?
}

/// A run as stored (DESIGN §3).
public struct RunRecord: Sendable {
    public var runId: String
    public var pipelineId: String
    public var pipelineVersion: String
    public var status: RunStatus
    public var input: JSONValue
    public var output: JSONValue?
    public var error: RunFailure?
    public var trigger: RunTrigger
    public var parentRunId: String?
    public var idempotencyKey: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var waitingOn: [WaitingOn]
    public var steps: [StepRecord]
    /// For a retry (`POST /runs/:id/retry`): the run it retries and the step it ran again from.
    public var retryOf: RetryLink? = nil
    /// The runs that retry this one, oldest first (read from their `retryOf`).
    public var retries: [String] = []
}

/// A retry's link to the run it retries (DESIGN §12).
public struct RetryLink: Sendable, Hashable {
    public var runId: String
    /// The first top-level step that ran again; the ones before it reused the original's outputs.
    public var fromStep: String
    public init(runId: String, fromStep: String) {
        self.runId = runId
        self.fromStep = fromStep
    }
}

/// One event of a run (DESIGN §3); `seq` is 1, 2, 3… per run, gapless.
public struct RunEvent: Sendable, Hashable {
    public var seq: Int
    public var runId: String
    public var type: String
    public var at: Date
    public var stepId: String?
    public var data: JSONValue

    /// The JSON shape clients see.
    public var json: JSONValue {
        var out: [String: JSONValue] = ["seq": .number(Double(seq)), "runId": .string(runId), "type": .string(type),
                                        "at": .string(Timestamp.format(at)), "data": data]
        if let stepId { out["stepId"] = .string(stepId) }
        return .object(out)
    }
}
