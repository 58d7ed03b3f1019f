import Foundation

/// Breakpoints, approvals and stopped runs, as listed by the API.
extension RunEngine {
    /// Adds a breakpoint: 404 for an unknown pipeline, 422 for a step id no (such) pipeline has.
    package func addBreakpoint(stepId: String, pipelineId: String?, actor: String) async throws -> Breakpoint {
        let set = pipelines().pipelines
        let candidates: [Pipeline]
        if let pipelineId {
            guard let pipeline = set[pipelineId] else { throw GatewayError.notFound("pipeline '\(pipelineId)'") }
            candidates = [pipeline]
        } else {
            candidates = Array(set.values)
        }
        guard candidates.contains(where: { Self.stepIds($0.steps).contains(stepId) }) else {
            let scope = pipelineId.map { "pipeline '\($0)'" } ?? "any pipeline"
            throw GatewayError(.invalidInput, "no step '\(stepId)' in \(scope)")
        }
        let breakpoint = Breakpoint(stepId: stepId, pipelineId: pipelineId, createdAt: Date(), actor: actor)
        try await store.saveBreakpoint(breakpoint)
        await services.breakpoints.add(breakpoint)
        return breakpoint
    }

    /// Removes a breakpoint: 404 when there is none.
    package func removeBreakpoint(stepId: String, pipelineId: String?) async throws {
        guard await services.breakpoints.remove(stepId: stepId, pipelineId: pipelineId) else {
            throw GatewayError.notFound("breakpoint on step '\(stepId)'\(pipelineId.map { " of pipeline '\($0)'" } ?? "")")
        }
        try await store.deleteBreakpoint(stepId: stepId, pipelineId: pipelineId)
    }

    package func breakpoints() async -> [Breakpoint] { await services.breakpoints.all }

    /// Waiting entries of `kind` across waiting runs, with their run.
    package func waiting(kind: String) async throws -> [(runId: String, pipelineId: String, entry: WaitingOn)] {
        try await store.waitingEntries(kind: kind).flatMap { run in
            run.entries.filter { $0.kind == kind }.map { (run.runId, run.pipelineId, $0) }
        }
    }

    /// Approval gates waiting for a decision across all runs (agent permission requests included): the
    /// `gw_approvals_pending` gauge and the console's live count.
    package func pendingApprovalCount() async throws -> Int {
        try await waiting(kind: "approval").count
    }

    static func stepIds(_ steps: [StepDefinition]) -> [String] {
        steps.flatMap { [$0.id] + stepIds($0.children) }
    }
}
