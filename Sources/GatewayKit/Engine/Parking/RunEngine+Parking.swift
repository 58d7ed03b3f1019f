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
}
