import Foundation

extension RunInterpreter {
    /// `wait`: the run waits until `POST /runs/:id/resume` (output checked against `schema`) or the timeout.
    func runWait(_ config: WaitStepConfig, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        // Resumed and committed before a restart, but not completed: that output stands, the run does not wait again.
        if let resumed = await execution.step(key)?.output?["resumedWith"] { return resumed }
        let deadline = await gateDeadline(key: key, timeout: config.timeout)
        let message = try config.message.map { try text($0, scope: scope, stepId: step.id) }
        if await execution.step(key)?.status != "waiting" {
            try await execution.stepWaiting(key: key, on: WaitingOn(kind: "wait", stepId: step.id, since: Date(), expiresAt: deadline,
                                                                    message: message),
                                            details: ["onTimeout": .string(config.onTimeout.rawValue)])
        }
        switch try await awaitGate(.wait, stepId: step.id, schema: config.schema, deadline: deadline) {
        case .signal(.resumed(let output, let actor), let ack):
            defer { ack.resume() }
            try await execution.stepResumed(key: key, stepId: step.id,
                                            extra: [.init("wait.resumed", stepId: step.id, ["actor": .string(actor), "output": output])],
                                            outcome: ["resumedWith": output])
            return output
        case .signal(_, let ack):
            ack.resume()
            throw CancellationError()
        case .timedOut:
            try await execution.stepResumed(key: key, stepId: step.id,
                                            extra: [.init("wait.resumed", stepId: step.id, ["actor": "timeout", "timedOut": true])])
            guard config.onTimeout == .continue else {
                throw StepFailure(failure: RunFailure(code: "timeout", message: "wait '\(step.id)' timed out", stepId: step.id))
            }
            return .null
        }
    }

    /// The deadline of a waiting step: the committed one after a restart, else now + timeout.
    func gateDeadline(key: String, timeout: Double?) async -> Date? {
        if let kept = await execution.step(key)?.wakeAt { return kept }
        return timeout.map { Date().addingTimeInterval($0) }
    }
}
