import Crypto
import Foundation
import Synchronization
import Logging
import ServiceLifecycle

/// Starts, drives, cancels and recovers runs. Every state change is committed before it is acknowledged.
package actor RunEngine {
    struct ActiveRun {
        let task: Task<Void, Never>
        let execution: RunExecution
    }

    /// What starting a run needs.
    package struct StartRequest: Sendable {
        var pipelineId: String
        var input: JSONValue?
        var trigger: RunTrigger
        var idempotencyKey: String?
        var parentRunId: String?
        var depth: Int = 0
    }

    let store: RunStore
    let hub = EventHub()
    /// The gateway's one redaction point (shared with the audit log, the sessions and the server log).
    let redaction: SecretRedaction
    let pipelines: @Sendable () -> PipelineSet
    let options: @Sendable () -> PipelineSet.Options
    var services: EngineServices!
    var active: [String: ActiveRun] = [:]
    var cancelRequested: [String: String] = [:]
    var pendingKeys: [String: String] = [:]
    var accepting = true
    /// Starts between admission and their first commit.
    var startsInProgress = 0
    /// Admission limits: the most starts waiting for their first commit at once (2,048) and the most runs driven
    /// at once (20,000; parked runs do not count). Beyond either a start is refused with 503 `overloaded` and
    /// `Retry-After`, so a burst never becomes an unbounded backlog of tasks and queued commits.
    var admission = (pendingStarts: 2048, activeRuns: 20_000)

    /// Changes the admission limits (tests).
    package func setAdmission(pendingStarts: Int, activeRuns: Int) { admission = (pendingStarts, activeRuns) }
    /// Runs this engine drives (not yet terminal), readable without a hop or a query.
    private let inFlight = Mutex<Int>(0)
    static let maxInvokeDepth = 16

    init(store: RunStore, redaction: SecretRedaction, pipelines: @escaping @Sendable () -> PipelineSet,
         options: @escaping @Sendable () -> PipelineSet.Options) {
        self.store = store
        self.redaction = redaction
        self.pipelines = pipelines
        self.options = options
    }

    func setServices(_ services: EngineServices) { self.services = services }

    // MARK: - Start

    /// Creates a run (committed as `queued` with its `run.queued` event) and starts it.
    /// - Throws: `GatewayError` 404 (pipeline), 422 `invalid_input`, 409 `idempotency_conflict`, 503 while shutting down.
    package func start(_ request: StartRequest) async throws -> (record: RunRecord, replayed: Bool) {
        try admit()
        defer { startsInProgress -= 1 }
        guard let pipeline = pipelines().pipelines[request.pipelineId] else {
            throw GatewayError.notFound("pipeline '\(request.pipelineId)'")
        }
        guard request.depth <= Self.maxInvokeDepth else {
            throw GatewayError(.invalidInput, "invoke depth limit (\(Self.maxInvokeDepth)) exceeded")
        }
        let input = try Self.validatedInput(request.input, pipeline: pipeline)
        if let key = request.idempotencyKey, let replay = try await idempotentReplay(pipeline.id, key: key, input: input) {
            return (replay, true)
        }
        let record = RunRecord(runId: RunID.make(), pipelineId: pipeline.id, pipelineVersion: pipeline.version, status: .queued,
                               input: redaction.redact(input), output: nil, error: nil, trigger: request.trigger,
                               parentRunId: request.parentRunId, idempotencyKey: request.idempotencyKey, createdAt: Date(),
                               startedAt: nil, finishedAt: nil, waitingOn: [], steps: [])
        try await commitAndLaunch(record, pipeline: pipeline, input: input, depth: request.depth,
                                  idempotency: request.idempotencyKey.map { (pipeline.id, $0, Self.hash(input)) },
                                  queued: ["pipelineId": .string(pipeline.id), "trigger": .string(request.trigger.kind)],
                                  metricTrigger: request.trigger.kind)
        return (record, false)
    }

    /// Refuses a start while shutting down (503 `gateway_paused`) or at capacity (503 `overloaded`); an admitted
    /// start counts in `startsInProgress` until the caller's `defer { startsInProgress -= 1 }`.
    func admit() throws {
        guard accepting else { throw GatewayError(.gatewayPaused, "the gateway is shutting down", headers: ["Retry-After": "5"]) }
        guard startsInProgress < admission.pendingStarts, active.count < admission.activeRuns else {
            throw GatewayError(.overloaded, "the gateway is at capacity (\(active.count) runs driven, \(startsInProgress) starts "
                               + "being committed); try again shortly", headers: ["Retry-After": "1"])
        }
        startsInProgress += 1
    }

    /// Commits a new `queued` run with its `run.queued` event (`queued` is its data), the pipeline text it is pinned
    /// to, its idempotency key (`slot`: the pipeline id, or the retried run's slot) and the steps it already carries
    /// (a retry's reused ones), then drives it.
    func commitAndLaunch(_ record: RunRecord, pipeline: Pipeline, input: JSONValue, depth: Int,
                         idempotency: (slot: String, key: String, bodyHash: String)?, queued: JSONValue,
                         metricTrigger: String) async throws {
        defer { if let idempotency { pendingKeys["\(idempotency.slot)\u{0}\(idempotency.key)"] = nil } }
        var extra: [StoreWriter.Operation] = [
            RunStore.insertPipelineVersion(version: pipeline.version, pipelineId: pipeline.id, file: pipeline.source,
                                           source: pipeline.sourceText),
            RunStore.insertRun(record),
        ]
        if let idempotency {
            extra.append(RunStore.insertIdempotencyKey(pipelineId: idempotency.slot, key: idempotency.key, bodyHash: idempotency.bodyHash,
                                                       runId: record.runId))
        }
        let execution = RunExecution(record: record, lastSeq: 0, store: store, hub: hub, redaction: redaction, metrics: services.metrics)
        try await execution.commit([.init("run.queued", queued)], steps: record.steps.map(\.key), extra: extra)
        services.metrics.runsStarted(pipeline: pipeline.id, trigger: metricTrigger).increment()
        trackInFlight(+1)
        launch(execution, pipeline: pipeline, input: input, depth: depth)
    }

    /// Drives a run in its own task.
    func launch(_ execution: RunExecution, pipeline: Pipeline, input: JSONValue, depth: Int) {
        let runId = execution.runIdentifier
        let interpreter = RunInterpreter(execution: execution, pipeline: pipeline, services: services, runId: runId,
                                         input: input, depth: depth)
        let task = Task {
            let parked = await Self.drive(interpreter, engine: self)
            await self.finished(runId, parked: parked)
        }
        active[runId] = ActiveRun(task: task, execution: execution)
        services.metrics.nodeRunsHeld.set(to: Double(active.count))
    }

    /// The run's task ended: the run ended (or was interrupted by shutdown), or it parked (still in flight).
    private func finished(_ runId: String, parked: Bool) async {
        active[runId] = nil
        services.metrics.nodeRunsHeld.set(to: Double(active.count))
        cancelRequested[runId] = nil
        guard !parked else { return }
        trackInFlight(-1)
        await services.parking.releaseDeliveries(runId: runId)
    }

    /// The number of runs not yet terminal (`GET /gateway`, `gw_runs_in_flight`).
    package nonisolated var runsInFlight: Int { inFlight.withLock { $0 } }

    func trackInFlight(_ delta: Int) {
        let now = inFlight.withLock { count in
            count += delta
            return count
        }
        services.metrics.runsInFlight.set(to: Double(now))
    }

    /// Whether the run's task was cancelled by a person (not by shutdown).
    func isCancelRequested(_ runId: String) -> Bool { cancelRequested[runId] != nil }

    /// Who cancelled the run.
    func cancelActor(_ runId: String) -> String { cancelRequested[runId] ?? "unknown" }

    static func hash(_ input: JSONValue) -> String {
        SHA256.hash(data: input.jsonData()).map { String(format: "%02x", $0) }.joined()
    }
}
