import Foundation

extension RunEngine {
    /// Cancels a run: its steps are cancelled (exec process groups killed) and it ends `cancelled`.
    /// - Throws: 404 for an unknown run, 409 `already_terminal` for an ended one.
    package func cancel(_ runId: String, actor: String) async throws -> RunRecord {
        guard let before = try await store.run(runId) else { throw GatewayError.notFound("run '\(runId)'") }
        guard !before.status.isTerminal else {
            throw GatewayError(.alreadyTerminal, "run \(runId) already ended (\(before.status.rawValue))")
        }
        if let run = active[runId] {
            cancelRequested[runId] = actor
            run.task.cancel()
            await run.task.value
        } else {
            await services.gates.removeAll(runId: runId)  // parked: its gates go with it
            let execution = RunExecution(record: before, lastSeq: try await store.lastSeq(runId), store: store, hub: hub,
                                         redaction: redaction, metrics: services.metrics)
            try await execution.finish(.cancelled, data: ["actor": .string(actor)])
            trackInFlight(-1)  // a parked run counts as in flight until it ends
        }
        guard let after = try await store.run(runId) else { throw GatewayError.notFound("run '\(runId)'") }
        guard after.status == .cancelled else {
            throw GatewayError(.alreadyTerminal, "run \(runId) already ended (\(after.status.rawValue))")
        }
        return after
    }

    /// The run once it is terminal, or as it is after `timeout` seconds.
    package func awaitTerminal(_ runId: String, timeout: Double) async throws -> RunRecord? {
        let events = hub.subscribe(runId)
        guard let record = try await store.run(runId) else { return nil }
        if record.status.isTerminal { return record }
        _ = try? await withTimeout(timeout) {
            for await event in events where RunEvent.terminalTypes.contains(event.type) { return true }
            return false
        }
        return try await store.run(runId)
    }

    /// The number of runs this engine is driving.
    package var activeCount: Int { active.count }
}
