import Foundation

/// People in the loop: resume a wait, decide an approval, release a breakpoint.
extension RunEngine {
    /// Continues a run waiting in a `wait` step. 409 `not_waiting` / `ambiguous_step`; 422 when the output fails the schema.
    package func resume(_ runId: String, stepId: String?, output: JSONValue, actor: String) async throws -> RunRecord {
        let gate = try await pendingGate(runId, kind: .wait, stepId: stepId, none: .notWaiting, noneMessage: "run \(runId) is not waiting in a wait step")
        if let schema = gate.schema {
            let violations = InputSchema(schema).validate(output)
            guard violations.isEmpty else {
                throw GatewayError(.invalidInput, "output does not match the schema of wait '\(gate.stepId)'",
                                   details: .array(violations.map(\.json)))
            }
        }
        return try await deliver(gate, .resumed(output: output, actor: actor), conflict: .notWaiting)
    }

    /// Approves or denies a pending approval. 403 `not_an_approver`; 409 `no_pending_approval` / `ambiguous_step`.
    package func decide(_ runId: String, stepId: String?, approve: Bool, actor: String, reason: String?) async throws -> RunRecord {
        let gate = try await pendingGate(runId, kind: .approval, stepId: stepId, none: .noPendingApproval,
                                         noneMessage: "run \(runId) has no pending approval\(stepId.map { " at step \($0)" } ?? "")")
        guard gate.approvers.isEmpty || gate.approvers.contains(actor) else {
            throw GatewayError(.notAnApprover, "'\(actor)' is not an approver of step \(gate.stepId) (approvers: \(gate.approvers.joined(separator: ", ")))")
        }
        return try await deliver(gate, .decided(approved: approve, actor: actor, reason: reason), conflict: .noPendingApproval)
    }

    /// Releases a run stopped at a breakpoint; `stepMode` stops it again before the next step.
    package func release(_ runId: String, stepMode: Bool, actor: String) async throws -> RunRecord {
        let gate = try await pendingGate(runId, kind: .breakpoint, stepId: nil, none: .notAtBreakpoint,
                                         noneMessage: "run \(runId) is not stopped at a breakpoint")
        return try await deliver(gate, .released(stepMode: stepMode, actor: actor), conflict: .notAtBreakpoint)
    }

    /// The one gate of `kind` the call is about. A run just recovered may take a moment to wait again.
    private func pendingGate(_ runId: String, kind: PendingGate.Kind, stepId: String?, none: GatewayError.Code,
                             noneMessage: String) async throws -> PendingGate {
        guard let record = try await store.run(runId) else { throw GatewayError.notFound("run '\(runId)'") }
        let stepId = stepId.map(Self.gateStepId)
        var gates: [PendingGate] = []
        for attempt in 0..<40 {
            gates = await services.gates.pending(runId: runId).filter { $0.kind == kind && (stepId == nil || $0.stepId == stepId) }
            let recordWaits = record.waitingOn.contains { $0.kind == kind.rawValue && (stepId == nil || $0.stepId == stepId) }
            if !gates.isEmpty || !recordWaits || attempt == 39 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard !gates.isEmpty else { throw GatewayError(none, noneMessage) }
        guard gates.count == 1, let gate = gates.first else {
            throw GatewayError(.ambiguousStep, "run \(runId) waits at several steps (\(gates.map(\.stepId).joined(separator: ", "))); name one with stepId")
        }
        return gate
    }

    /// A step inside `parallel`/`foreach` is listed in `steps[]` by its path (`both/w1`, `each[0]/w3`) and waits
    /// under its own id (`w1`, as in `waitingOn`); either names it.
    static func gateStepId(_ requested: String) -> String {
        requested.split(separator: "/").last.map(String.init) ?? requested
    }

    private func deliver(_ gate: PendingGate, _ signal: HumanSignal, conflict: GatewayError.Code) async throws -> RunRecord {
        guard let taken = await services.gates.take(runId: gate.runId, stepId: gate.stepId) else {
            throw GatewayError(conflict, "step \(gate.stepId) of run \(gate.runId) was already decided")
        }
        await taken.deliver(signal)
        guard let record = try await store.run(gate.runId) else { throw GatewayError.notFound("run '\(gate.runId)'") }
        return record
    }
}
