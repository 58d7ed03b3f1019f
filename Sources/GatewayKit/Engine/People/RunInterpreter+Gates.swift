import Foundation

extension RunInterpreter {
    /// What ended a wait for a person: a signal (with the acknowledgement to send once committed) or the deadline.
    enum GateOutcome: Sendable {
        case signal(HumanSignal, CheckedContinuation<Void, Never>)
        case timedOut
    }

    /// Registers a gate and waits for a person or the deadline. The caller commits the consequence and then
    /// calls `ack.resume()` so the API call that decided can answer with the updated run.
    func awaitGate(_ kind: PendingGate.Kind, stepId: String, approvers: [String] = [], schema: JSONValue? = nil,
                   deadline: Date?) async throws -> GateOutcome {
        typealias Item = (HumanSignal, CheckedContinuation<Void, Never>)
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        let gate = PendingGate(kind: kind, runId: runId, stepId: stepId, approvers: approvers, schema: schema) { signal in
            await withCheckedContinuation { ack in
                if case .terminated = continuation.yield((signal, ack)) { ack.resume() }
            }
        }
        await services.gates.register(gate)
        let outcome: GateOutcome
        do {
            outcome = try await withThrowingTaskGroup(of: GateOutcome.self) { group in
                group.addTask {
                    for await (signal, ack) in stream { return .signal(signal, ack) }
                    throw CancellationError()
                }
                if let deadline {
                    group.addTask {
                        let wait = max(0, deadline.timeIntervalSinceNow)
                        try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
                        return .timedOut
                    }
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw CancellationError() }
                return first
            }
        } catch {
            await closeGate(stepId: stepId, continuation: continuation, stream: stream)
            throw error
        }
        await closeGate(stepId: stepId, continuation: continuation, stream: stream)
        return outcome
    }

    private func closeGate(stepId: String, continuation: AsyncStream<(HumanSignal, CheckedContinuation<Void, Never>)>.Continuation,
                           stream: AsyncStream<(HumanSignal, CheckedContinuation<Void, Never>)>) async {
        await services.gates.unregister(runId: runId, stepId: stepId)
        continuation.finish()
        for await (_, ack) in stream { ack.resume() }
    }
}
