import Foundation

extension RunInterpreter {
    /// `approval`: the run waits for approve/deny (restricted to `approvers` when given) or the timeout.
    /// Output: `{decision, actor, reason, at}`.
    func runApproval(_ config: ApprovalStepConfig, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        if let decided = await execution.step(key)?.output, let decision = decided["decision"]?.stringValue {
            // Decided and committed before a restart, but not completed: apply that decision, never ask twice.
            if decision != "approved" && config.onDeny == .fail {
                throw StepFailure(failure: RunFailure(code: "denied", message: "approval '\(step.id)' was denied", stepId: step.id))
            }
            return decided
        }
        let deadline = await gateDeadline(key: key, timeout: config.timeout)
        let message = try config.message.map { try text($0, scope: scope, stepId: step.id) } ?? "Approve step \(step.id)?"
        var requested: [String: JSONValue] = ["message": .string(message), "approvers": .array(config.approvers.map { .string($0) })]
        if let deadline { requested["expiresAt"] = .string(Timestamp.format(deadline)) }
        requested["onTimeout"] = .string(config.onTimeout.rawValue)
        if await execution.step(key)?.status != "waiting" {
            try await execution.stepWaiting(key: key, on: WaitingOn(kind: "approval", stepId: step.id, since: Date(), expiresAt: deadline,
                                                                    message: message, approvers: config.approvers),
                                            extra: [.init("approval.requested", stepId: step.id, .object(requested))],
                                            details: ["onTimeout": .string(config.onTimeout.rawValue), "onDeny": .string(config.onDeny.rawValue)])
        }
        let approved: Bool, actor: String, reason: String?
        var ack: CheckedContinuation<Void, Never>?
        switch try await awaitGate(.approval, stepId: step.id, approvers: config.approvers, deadline: deadline) {
        case .signal(.decided(let yes, let who, let why), let done):
            (approved, actor, reason, ack) = (yes, who, why, done)
        case .signal(_, let done):
            done.resume()
            throw CancellationError()
        case .timedOut:
            if config.onTimeout == .fail {
                try await execution.stepResumed(key: key, stepId: step.id)
                throw StepFailure(failure: RunFailure(code: "timeout", message: "approval '\(step.id)' timed out", stepId: step.id))
            }
            (approved, actor, reason) = (config.onTimeout == .approve, "timeout", "no decision before the deadline")
        }
        defer { ack?.resume() }
        let decision: JSONValue = ["decision": approved ? "approved" : "denied", "actor": .string(actor),
                                   "reason": reason.map { .string($0) } ?? .null, "at": .string(Timestamp.format(Date()))]
        try await execution.stepResumed(key: key, stepId: step.id, extra: [
            .init(approved ? "approval.approved" : "approval.denied", stepId: step.id,
                  ["actor": .string(actor), "reason": reason.map { .string($0) } ?? .null]),
        ], outcome: decision)
        if !approved && config.onDeny == .fail {
            throw StepFailure(failure: RunFailure(code: "denied", message: "approval '\(step.id)' was denied by \(actor)", stepId: step.id))
        }
        return decision
    }
}
