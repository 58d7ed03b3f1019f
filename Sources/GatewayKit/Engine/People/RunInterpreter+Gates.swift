import Foundation

extension RunInterpreter {
    /// What ended a wait for a person: a signal (with the acknowledgement to send once committed) or the deadline.
    enum GateOutcome: Sendable {
        case signal(HumanSignal, CheckedContinuation<Void, Never>)
        case timedOut
    }

    /// Registers a gate and waits for a person or the deadline. The caller commits the consequence and then
    /// calls `ack.resume()` so the API call that decided can answer with the updated run.
    ///
    /// One stream carries both the person's signal and the deadline (a timer task yields `.timedOut` into it),
    /// so a waiting run holds no task group: thousands of runs can wait on people cheaply.
    ///
    /// A top-level step of a pipeline without a run timeout does not wait in its task: it registers the gate and its
    /// deadline with the `ParkingLot` and throws `RunParked`; the run is re-entered from the store when a person
    /// decides (the signal is then returned here at once) or the deadline passes (`.timedOut`).
    func awaitGate(_ kind: PendingGate.Kind, stepId: String, approvers: [String] = [], schema: JSONValue? = nil,
                   deadline: Date?) async throws -> GateOutcome {
        if let delivery = await services.parking.takeDelivery(runId: runId, stepId: stepId) {
            return .signal(delivery.signal, delivery.ack)
        }
        if pipeline.canPark(stepId: stepId, gate: kind) {
            if let deadline, deadline <= Date() { return .timedOut }
            let (parking, runId) = (services.parking, runId)
            await services.gates.register(PendingGate(kind: kind, runId: runId, stepId: stepId, approvers: approvers, schema: schema) {
                await parking.deliver(runId: runId, stepId: stepId, signal: $0)
            })
            if let deadline { await parking.schedule(runId: runId, stepId: stepId, due: deadline) }
            throw RunParked(runId: runId, stepId: stepId)
        }
        let (stream, continuation) = AsyncStream<GateOutcome>.makeStream()
        let gate = PendingGate(kind: kind, runId: runId, stepId: stepId, approvers: approvers, schema: schema) { signal in
            await withCheckedContinuation { ack in
                if case .terminated = continuation.yield(.signal(signal, ack)) { ack.resume() }
            }
        }
        await services.gates.register(gate)
        let timer = deadline.map { deadline in
            Task {
                let wait = max(0, deadline.timeIntervalSinceNow)
                try? await Task.sleep(for: .milliseconds(Int64(min(wait, 3.15e9) * 1000)))
                if !Task.isCancelled { continuation.yield(.timedOut) }
            }
        }
        var outcome: GateOutcome?
        for await item in stream {
            outcome = item
            break
        }
        timer?.cancel()
        await services.gates.unregister(runId: runId, stepId: stepId)
        continuation.finish()
        for await case .signal(_, let ack) in stream { ack.resume() }
        guard let outcome else { throw CancellationError() }
        return outcome
    }
}
