import Foundation

/// One run's durable state in memory: every change is committed (group commit) together with its
/// events before the call returns, and events are published to subscribers in seq order.
actor RunExecution {
    private(set) var record: RunRecord
    /// The run's id (immutable).
    nonisolated let runIdentifier: String
    private var nextSeq: Int
    private var ordinals: [String: Int]
    private var tail: Task<Void, any Error>?
    let store: RunStore
    let hub: EventHub
    /// Masks secrets in everything committed, published and answered (the run's one redaction point).
    let redaction: SecretRedaction
    let metrics: GatewayMetrics

    init(record: RunRecord, lastSeq: Int, store: RunStore, hub: EventHub, redaction: SecretRedaction, metrics: GatewayMetrics) {
        self.record = record
        self.runIdentifier = record.runId
        self.nextSeq = lastSeq + 1
        self.ordinals = Dictionary(uniqueKeysWithValues: record.steps.enumerated().map { ($1.key, $0) })
        self.store = store
        self.hub = hub
        self.redaction = redaction
        self.metrics = metrics
    }

    /// A draft event: type, step id and data.
    struct Draft: Sendable {
        let type: String
        let stepId: String?
        let data: JSONValue
        init(_ type: String, stepId: String? = nil, _ data: JSONValue = [:]) {
            self.type = type
            self.stepId = stepId
            self.data = data
        }
    }

    /// Applies `change` to the record, masks secrets in what is about to be committed (the run's fields when
    /// `runChanged`, the listed steps, the events' data: redaction is a property of this one path, so no
    /// caller can forget it), then commits the run row (when `runChanged`), the given steps and
    /// the events, and publishes the events once committed (in seq order, always after their commit).
    ///
    /// With `wait: false` the run goes on while the commit is in flight: used for progress that nobody is
    /// answered about (step started/completed, logs). A crash before it lands only means the step runs
    /// again (at-least-once); anything acknowledged to a client (waiting states, the end of the run) waits,
    /// and waiting also waits for every earlier commit of the run.
    func commit(_ drafts: [Draft], steps: [String] = [], runChanged: Bool = false, wait: Bool = true,
                extra: [StoreWriter.Operation] = [], _ change: (inout RunRecord) -> Void = { _ in }) async throws {
        change(&record)
        let redactor = redaction.redactor
        if redactor.masksAnything {
            if runChanged { record = redactor.redactRunFields(record) }
            for key in steps {
                if let i = record.steps.firstIndex(where: { $0.key == key }) { record.steps[i] = redactor.redact(record.steps[i]) }
            }
        }
        let now = Date()
        let events = drafts.map { d -> RunEvent in
            defer { nextSeq += 1 }
            return RunEvent(seq: nextSeq, runId: record.runId, type: d.type, at: now, stepId: d.stepId, data: redactor.redact(d.data))
        }
        var ops = extra
        if runChanged { ops.append(RunStore.updateRun(record)) }
        for key in steps {
            guard let step = record.steps.first(where: { $0.key == key }) else { continue }
            let ordinal = ordinals[key] ?? { let o = ordinals.count; ordinals[key] = o; return o }()
            ops.append(RunStore.upsertStep(runId: record.runId, step, ordinal: ordinal))
        }
        if !events.isEmpty { ops.append(RunStore.insertEvents(events)) }
        let ticket = store.writer.submit(ops)
        let previous = tail
        let hub = self.hub
        let counter = metrics.eventsWritten
        let (pipelineId, status) = (record.pipelineId, record.status)
        let task = Task {
            try await previous?.value
            try await ticket.wait()
            if !events.isEmpty { counter.increment(by: Int64(events.count)) }
            hub.publish(events, pipelineId: pipelineId, status: status)
        }
        tail = task
        if wait { try await task.value }
    }

    /// The step with `key`, if recorded.
    func step(_ key: String) -> StepRecord? { record.steps.first { $0.key == key } }

    /// Replaces or appends a step record (not committed: pass its key to `commit`).
    func setStep(_ step: StepRecord) {
        if let i = record.steps.firstIndex(where: { $0.key == step.key }) {
            record.steps[i] = step
        } else {
            record.steps.append(step)
        }
    }
}
