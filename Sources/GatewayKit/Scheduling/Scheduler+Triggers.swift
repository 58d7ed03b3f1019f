package import Foundation

extension Scheduler {
    /// A trigger as `GET /triggers` shows it (no secrets).
    package struct TriggerView: Sendable {
        package var id: String
        package var pipelineId: String
        package var kind: String
        /// `pipeline` or `api`.
        package var source: String
        /// The trigger's public fields: `cron`, `every`, `at`, `timezone`, `path`, `signature`.
        package var fields: [String: String]
        package var lastFiredAt: Date?
        package var lastRunId: String?
    }

    /// The last fire of a webhook or manual trigger: when, and the run it started.
    package struct TriggerFire: Sendable, Hashable {
        package var at: Date
        package var runId: String?
    }

    /// The outcome of a manual fire: the run started, or `nil` when the fire was queued behind a running run.
    package struct FireOutcome: Sendable {
        package var runId: String?
        package var replayed: Bool
    }

    /// Every trigger of every pipeline plus the schedules made over the API, by id.
    package func triggers() throws -> [TriggerView] {
        try refresh()
        var views: [TriggerView] = []
        for pipeline in pipelines().pipelines.values {
            for trigger in pipeline.triggers {
                let shown = ["cron", "every", "at", "timezone", "path", "signature"]
                let fields = trigger.fields.filter { shown.contains($0.key) }.compactMapValues(\.stringValue)
                let last: TriggerFire? = trigger.kind == "schedule"
                    ? entries[trigger.id].flatMap { e in e.state.lastFiredAt.map { TriggerFire(at: $0, runId: e.state.lastRunId) } }
                    : triggerFires[trigger.id]
                views.append(TriggerView(id: trigger.id, pipelineId: pipeline.id, kind: trigger.kind, source: "pipeline",
                                         fields: fields, lastFiredAt: last?.at, lastRunId: last?.runId))
            }
        }
        for entry in entries.values where entry.definition.source == "api" {
            let d = entry.definition
            let fields = d.fields.filter { ["cron", "every", "at", "timezone"].contains($0.key) }.compactMapValues(\.stringValue)
            views.append(TriggerView(id: d.id, pipelineId: d.pipelineId, kind: "schedule", source: "api", fields: fields,
                                     lastFiredAt: entry.state.lastFiredAt, lastRunId: entry.state.lastRunId))
        }
        return views.sorted { $0.id < $1.id }
    }

    /// Fires a trigger by hand (`trigger.kind = manual`). A schedule's fire honours its overlap policy;
    /// an idempotency key that already started a run replays it whatever the overlap.
    /// - Parameter input: the run input; `nil` uses the trigger's own `input`.
    /// - Throws: `GatewayError` 404, 503 `gateway_paused`, 409 `overlap_skipped`, and what starting a run throws.
    package func fire(_ id: String, input: JSONValue?, idempotencyKey: String?, actor: String) async throws -> FireOutcome {
        try refresh()
        guard !runner.isPaused() else { throw GatewayError.paused }
        let trigger = RunTrigger(kind: "manual", id: id, actor: actor)
        guard let schedule = entries[id] else {
            let (pipelineId, declared) = try declaredTrigger(id)
            let started = try await runner.start(pipelineId, input ?? declared, trigger, idempotencyKey)
            noteTriggerFired(id, runId: started.runId)
            return FireOutcome(runId: started.runId, replayed: started.replayed)
        }
        let definition = schedule.definition
        if let key = idempotencyKey, await runner.replayedRun(definition.pipelineId, key) != nil {
            let started = try await runner.start(definition.pipelineId, input ?? definition.input, trigger, key)
            return FireOutcome(runId: started.runId, replayed: started.replayed)
        }
        return try await fireSchedule(id, input: input ?? definition.input, trigger: trigger, key: idempotencyKey)
    }

    /// A manual fire of a schedule, by its overlap policy.
    private func fireSchedule(_ id: String, input: JSONValue?, trigger: RunTrigger, key: String?) async throws -> FireOutcome {
        let current = try entry(id)
        if current.inflight > 0 {
            switch current.definition.overlap {
            case .skip:
                record(id, outcome: "skipped_overlap")
                throw GatewayError(.overlapSkipped, "schedule '\(id)' is still running \(current.running.sorted().joined(separator: ", ")) and its overlap policy is skip")
            case .queue:
                handleFire(id, planned: clock.now(), due: clock.now(), catchingUp: true)
                return FireOutcome(runId: nil, replayed: false)
            case .cancel:
                for runId in current.running { await runner.cancel(runId, trigger.actor ?? "manual") }
            case .allow: break
            }
        }
        entries[id]?.starting += 1
        do {
            let result = try await runner.start(current.definition.pipelineId, input, trigger, key)
            started(id, runId: result.runId, due: nil)
            return FireOutcome(runId: result.runId, replayed: result.replayed)
        } catch {
            entries[id]?.starting -= 1
            throw error
        }
    }

    /// The pipeline and evaluated `input` of a webhook or manual trigger declared in a pipeline file.
    private func declaredTrigger(_ id: String) throws -> (pipelineId: String, input: JSONValue?) {
        for pipeline in pipelines().pipelines.values {
            guard let trigger = pipeline.triggers.first(where: { $0.id == id }) else { continue }
            guard trigger.kind == "manual", let raw = trigger.fields["input"] else { return (pipeline.id, nil) }
            do {
                return (pipeline.id, try ValueTemplate.parse(raw).evaluate(ExpressionContext()))
            } catch {
                throw GatewayError(.invalidInput, "trigger '\(id)': its input cannot be evaluated: \(error)")
            }
        }
        throw GatewayError.notFound("trigger '\(id)'")
    }
}

extension Scheduler {
    /// Records that a webhook or manual trigger fired now and started `runId`.
    func noteTriggerFired(_ id: String, runId: String) {
        let fire = TriggerFire(at: clock.now(), runId: runId)
        triggerFires[id] = fire
        store.submitTriggerFire(id, fire)
    }
}
