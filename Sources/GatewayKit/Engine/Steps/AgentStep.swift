import Foundation

extension RunInterpreter {
    /// `agent`: one prompt turn of an ACP agent in a durable session (reused by the `session` key). Message
    /// chunks stream as `step.delta`, tool calls as `step.log`; permission requests follow `permissions`
    /// (`allow`, `deny` — the default — or `ask`: an approval gate on the run). Output `{text, stopReason, sessionId}`.
    func runAgent(_ fields: [String: ValueTemplate], step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        guard let sessions = services.sessions else { throw GatewayError.notImplemented("agent steps") }
        let value = { (name: String) throws -> JSONValue? in try fields[name].map { try evaluate($0, scope: scope) } }
        guard let agent = try value("agent")?.stringValue else { throw agentFailure("agent must be a configured name", step) }
        let sessionKey = try value("session").flatMap { $0.isNull ? nil : $0.expressionText }
        let policy = try value("permissions")?.stringValue ?? "deny"
        guard ["allow", "deny", "ask"].contains(policy) else { throw agentFailure("permissions must be allow, deny or ask", step) }
        let request = AgentSessions.TurnRequest(
            agent: agent, prompt: try value("prompt")?.expressionText ?? "", key: sessionKey,
            cwd: try value("cwd").flatMap { $0.isNull ? nil : $0.expressionText }, runId: runId, pipelineId: pipeline.id)
        let hooks = TurnHooks(
            text: { text in try? await execution.stepDeltaInFlight(id: step.id, text: text) },
            log: { line in try? await execution.stepLog(id: step.id, stream: "stdout", line: line) },
            permission: { title in
                switch policy {
                case "allow": return true
                case "ask": return try await askPermission(title, agent: agent, step: step, key: key)
                default: return false
                }
            })
        do {
            return try await sessions.turn(request, hooks: hooks)
        } catch let error as ACPError {
            throw agentFailure("agent '\(agent)': \(error.message)", step)
        }
    }

    /// A permission request under `permissions: ask`: the run waits on an approval gate (`gw runs approve|deny`).
    private func askPermission(_ title: String, agent: String, step: StepDefinition, key: String) async throws -> Bool {
        let message = "Agent '\(agent)' asks permission: \(title)"
        if await execution.step(key)?.status != "waiting" {
            try await execution.stepWaiting(
                key: key,
                on: WaitingOn(kind: "approval", stepId: step.id, since: Date(), expiresAt: nil, message: message, approvers: []),
                extra: [.init("approval.requested", stepId: step.id, ["message": .string(message), "approvers": []])])
        }
        switch try await awaitGate(.approval, stepId: step.id, deadline: nil) {
        case .signal(.decided(let approved, let actor, let reason), let ack):
            defer { ack.resume() }
            try await execution.stepResumed(key: key, stepId: step.id, extra: [
                .init(approved ? "approval.approved" : "approval.denied", stepId: step.id,
                      ["actor": .string(actor), "reason": reason.map { .string($0) } ?? .null]),
            ])
            return approved
        case .signal(_, let ack):
            ack.resume()
            throw CancellationError()
        case .timedOut:
            try await execution.stepResumed(key: key, stepId: step.id)
            return false
        }
    }

    private func agentFailure(_ message: String, _ step: StepDefinition) -> StepFailure {
        StepFailure(failure: RunFailure(code: "agent_error", message: message, stepId: step.id))
    }
}
