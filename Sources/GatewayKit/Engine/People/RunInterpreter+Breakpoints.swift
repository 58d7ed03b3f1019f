import Foundation

extension RunInterpreter {
    /// Stops before `step` when a breakpoint matches it or the run is being walked step by step, until released.
    func stopAtBreakpointIfNeeded(_ step: StepDefinition) async throws {
        let stepping = await services.gates.isStepping(runId)
        let matches = await services.breakpoints.matches(pipelineId: pipeline.id, stepId: step.id)
        let alreadyHit = await execution.record.waitingOn.contains { $0.kind == "breakpoint" && $0.stepId == step.id }
        guard stepping || matches || alreadyHit else { return }
        if !alreadyHit {  // a run re-entered while stopped here (parked, or after a restart) does not hit twice
            try await execution.commit([.init("breakpoint.hit", stepId: step.id, ["stepping": .bool(stepping)])], runChanged: true) { r in
                r.waitingOn.append(WaitingOn(kind: "breakpoint", stepId: step.id, since: Date(), expiresAt: nil))
                r.status = .waiting
            }
            services.metrics.runsWaiting(kind: "breakpoint").increment()
        }
        let outcome = try await awaitGate(.breakpoint, stepId: step.id, deadline: nil)
        guard case .signal(.released(let stepMode, let actor), let ack) = outcome else {
            if case .signal(_, let ack) = outcome { ack.resume() }
            throw CancellationError()
        }
        defer { ack.resume() }
        await services.gates.setStepping(runId, stepMode)
        services.metrics.runsWaiting(kind: "breakpoint").decrement()
        try await execution.commit([.init("breakpoint.released", stepId: step.id, ["actor": .string(actor), "mode": stepMode ? "step" : "continue"])],
                                   runChanged: true) { r in
            r.waitingOn.removeAll { $0.kind == "breakpoint" && $0.stepId == step.id }
            if r.waitingOn.isEmpty && !r.status.isTerminal { r.status = .running }
        }
    }
}
