import Foundation

/// `POST /runs/:runId/retry`: a new run of the same pipeline whose top-level steps before `fromStep` keep the
/// outputs the original recorded. The reused steps are written with the new run at its creation, so the retry is
/// a normal run from then on: recovery after a restart needs nothing from the original.
extension RunEngine {
    /// What retrying a run needs.
    package struct RetryRequest: Sendable {
        var runId: String
        var fromStep: String?
        /// Replaces the original input (validated); nil keeps it.
        var input: JSONValue?
        /// Run the pipeline version loaded now instead of the original's.
        var currentVersion = false
        var idempotencyKey: String?
        var actor: String
    }

    /// Creates the retry (committed as `queued` with its reused steps) and starts it.
    /// - Throws: 404 (run, or with `currentVersion` its pipeline), 409 `not_terminal`, 422 `invalid_input`,
    ///   409 `idempotency_conflict`, 503 while shutting down.
    package func retry(_ request: RetryRequest) async throws -> (record: RunRecord, replayed: Bool) {
        try admit()
        defer { startsInProgress -= 1 }
        guard let original = try await store.run(request.runId) else { throw GatewayError.notFound("run '\(request.runId)'") }
        guard original.status.isTerminal else {
            throw GatewayError(.notTerminal, "run \(original.runId) has not ended (\(original.status.rawValue)); cancel it or let it end first")
        }
        let pipeline: Pipeline
        if request.currentVersion {
            guard let loaded = pipelines().pipelines[original.pipelineId] else {
                throw GatewayError.notFound("pipeline '\(original.pipelineId)' (no longer loaded)")
            }
            pipeline = loaded
        } else {
            pipeline = try await pinnedPipeline(original)
        }
        let plan = try RetryPlan(original: original, pipeline: pipeline, fromStep: request.fromStep)
        let input = try Self.validatedInput(request.input ?? original.input, pipeline: pipeline)
        let slot = "retry/" + original.runId
        let body: JSONValue = ["fromStep": request.fromStep.map { .string($0) } ?? .null, "input": request.input ?? .null,
                               "version": request.currentVersion ? "current" : "original"]
        if let key = request.idempotencyKey, let replay = try await idempotentReplay(slot, key: key, input: body) {
            return (replay, true)
        }
        let record = RunRecord(runId: RunID.make(), pipelineId: pipeline.id, pipelineVersion: pipeline.version, status: .queued,
                               input: redaction.redact(input), output: nil, error: nil,
                               trigger: RunTrigger(kind: "api", actor: request.actor), parentRunId: nil,
                               idempotencyKey: request.idempotencyKey, createdAt: Date(), startedAt: nil, finishedAt: nil,
                               waitingOn: [], steps: plan.reused, retryOf: RetryLink(runId: original.runId, fromStep: plan.fromStep))
        try await commitAndLaunch(record, pipeline: pipeline, input: input, depth: 0,
                                  idempotency: request.idempotencyKey.map { (slot, $0, Self.hash(body)) },
                                  queued: ["pipelineId": .string(pipeline.id), "trigger": "api",
                                           "retryOf": ["runId": .string(original.runId), "fromStep": .string(plan.fromStep)]],
                                  metricTrigger: "retry")
        return (record, false)
    }
}

/// Which step a retry runs again from, and the original's step records it keeps for the steps before it.
struct RetryPlan {
    let fromStep: String
    let reused: [StepRecord]

    /// Statuses a step before `fromStep` may have had in the original: its outcome is kept as it was.
    static let reusable: Set<String> = ["completed", "skipped"]

    /// - Throws: 422 `invalid_input` for a `fromStep` that is not a top-level step, or a step before it that did not
    ///   complete in the original (or did not exist in it).
    init(original: RunRecord, pipeline: Pipeline, fromStep: String?) throws {
        let ids = pipeline.steps.map(\.id)
        var recorded: [String: StepRecord] = [:]
        for step in original.steps where step.key == step.id && recorded[step.id] == nil { recorded[step.id] = step }
        let from: String
        if let fromStep {
            guard ids.contains(fromStep) else {
                throw GatewayError(.invalidInput, "fromStep '\(fromStep)' is not a top-level step of pipeline '\(pipeline.id)' "
                                   + "(steps: \(ids.joined(separator: ", ")))")
            }
            from = fromStep
        } else {
            from = ids.first { !Self.reusable.contains(recorded[$0]?.status ?? "") } ?? ids.first ?? ""
        }
        var reused: [StepRecord] = []
        for id in ids.prefix(while: { $0 != from }) {
            guard let step = recorded[id] else {
                throw GatewayError(.invalidInput, "step '\(id)' (before '\(from)') did not run in run \(original.runId), "
                                   + "so there is no output to reuse; retry from '\(id)' or earlier")
            }
            guard Self.reusable.contains(step.status) else {
                throw GatewayError(.invalidInput, "step '\(id)' (before '\(from)') did not complete in run \(original.runId) "
                                   + "(\(step.status)); retry from '\(id)' or earlier")
            }
            reused.append(StepRecord(key: step.key, id: step.id, kind: step.kind, status: step.status, attempt: step.attempt,
                                     startedAt: step.startedAt, finishedAt: step.finishedAt, output: step.output, error: nil,
                                     wakeAt: nil))
        }
        self.fromStep = from
        self.reused = reused
    }
}
