import Foundation

/// Re-entering parked runs: a person's decision or a deadline continues a run that waits without a task.
extension RunEngine {
    /// Connects the parking lot to this engine (at start, before recovery).
    func connectParking() async {
        await services.parking.connect(
            reenter: { [weak self] runId in await self?.reenter(runId) },
            expire: { [weak self] runId, stepId in await self?.expire(runId, stepId: stepId) })
    }

    /// Drives a parked run again from the store. The step it waits at takes the signal that woke it (if any).
    func reenter(_ runId: String) async {
        if let unwinding = active[runId] { await unwinding.task.value }  // it parked a moment ago
        guard active[runId] == nil else { return }  // re-entered meanwhile: that task takes the signal
        do {
            guard let record = try await store.run(runId), !record.status.isTerminal else {
                await services.parking.releaseDeliveries(runId: runId)
                return
            }
            let lastSeq = try await store.lastSeq(runId)
            let pipeline = try await pinnedPipeline(record)
            guard active[runId] == nil else { return }
            let execution = RunExecution(record: record, lastSeq: lastSeq, store: store, hub: hub, redaction: redaction,
                                         metrics: services.metrics)
            launch(execution, pipeline: pipeline, input: record.input, depth: 0)
        } catch {
            services.logger.error("cannot re-enter run \(runId): \(error)")
            await services.parking.releaseDeliveries(runId: runId)
        }
    }

    /// A parked run's deadline passed: a sleep ends, a wait or an approval times out (unless a person decided first:
    /// the gate is taken atomically, as a decision takes it). Stale deadlines (the run moved on) are ignored.
    func expire(_ runId: String, stepId: String) async {
        guard active[runId] == nil,
              let record = try? await store.run(runId), !record.status.isTerminal,
              let waiting = record.waitingOn.first(where: { $0.stepId == stepId }),
              let expires = waiting.expiresAt, expires <= Date().addingTimeInterval(0.005) else { return }
        if waiting.kind != "sleep" {
            guard await services.gates.take(runId: runId, stepId: stepId) != nil else { return }
        }
        await reenter(runId)
    }

    /// After a restart, a run waiting at steps that can park is parked again straight from its `waitingOn` (one
    /// narrow query, no replay of its steps): its gates are decidable as soon as the engine has started, and a
    /// deadline that passed while the gateway was down fires at once. Returns the runs parked.
    func reparkWaitingRuns() async throws -> Set<String> {
        var pipelinesByVersion: [String: Pipeline?] = [:]
        var parked: Set<String> = []
        for run in try await store.waitingRuns() where active[run.runId] == nil && !run.waitingOn.isEmpty {
            if pipelinesByVersion[run.version] == nil {
                pipelinesByVersion[run.version] = .some(try? await pinnedPipeline(id: run.pipelineId, version: run.version))
            }
            guard let pipeline = pipelinesByVersion[run.version] ?? nil,
                  run.waitingOn.allSatisfy({ Self.parkable($0, in: pipeline) }) else { continue }
            for waiting in run.waitingOn {
                if let kind = PendingGate.Kind(rawValue: waiting.kind) {
                    let (parking, runId, stepId) = (services.parking, run.runId, waiting.stepId)
                    await services.gates.register(PendingGate(kind: kind, runId: runId, stepId: stepId, approvers: waiting.approvers ?? [],
                                                              schema: Self.waitSchema(stepId, in: pipeline)) {
                        await parking.deliver(runId: runId, stepId: stepId, signal: $0)
                    })
                }
                if let due = waiting.expiresAt { await services.parking.schedule(runId: run.runId, stepId: waiting.stepId, due: due) }
            }
            trackInFlight(+1)
            parked.insert(run.runId)
        }
        return parked
    }

    /// A recorded wait of a kind that parks (wait, approval, sleep, breakpoint), at a step where parking is allowed.
    static func parkable(_ waiting: WaitingOn, in pipeline: Pipeline) -> Bool {
        let gate = PendingGate.Kind(rawValue: waiting.kind)
        guard gate != nil || waiting.kind == "sleep" else { return false }
        return pipeline.canPark(stepId: waiting.stepId, gate: gate)
    }

    static func waitSchema(_ stepId: String, in pipeline: Pipeline) -> JSONValue? {
        guard case .wait(let config)? = pipeline.steps.first(where: { $0.id == stepId })?.config else { return nil }
        return config.schema
    }
}
