import Foundation
import OpenAPIRuntime

/// Debug breakpoints and the runs stopped at them.
extension APIHandler {
    package func listBreakpoints(_ input: Operations.ListBreakpoints.Input) async throws -> Operations.ListBreakpoints.Output {
        .ok(.init(body: .json(await runtime.engine.breakpoints().map(Components.Schemas.Breakpoint.init(breakpoint:)))))
    }

    package func addBreakpoint(_ input: Operations.AddBreakpoint.Input) async throws -> Operations.AddBreakpoint.Output {
        guard case .json(let body) = input.body else { throw GatewayError(.badRequest, "a JSON body {stepId, pipelineId?} is required") }
        let breakpoint = try await runtime.engine.addBreakpoint(stepId: body.stepId, pipelineId: body.pipelineId, actor: RequestIdentity.actor)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "breakpoint.add",
                                       target: Self.breakpointTarget(body.stepId, body.pipelineId), reason: body.reason)
        return .created(.init(body: .json(.init(breakpoint: breakpoint))))
    }

    package func removeBreakpoint(_ input: Operations.RemoveBreakpoint.Input) async throws -> Operations.RemoveBreakpoint.Output {
        try await runtime.engine.removeBreakpoint(stepId: input.path.stepId, pipelineId: input.query.pipelineId)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "breakpoint.remove",
                                       target: Self.breakpointTarget(input.path.stepId, input.query.pipelineId),
                                       reason: input.query.reason)
        return .noContent(.init())
    }

    package func listDebugRuns(_ input: Operations.ListDebugRuns.Input) async throws -> Operations.ListDebugRuns.Output {
        let stopped = try await runtime.engine.waiting(kind: "breakpoint")
        return .ok(.init(body: .json(stopped.map { runId, pipelineId, entry in
            .init(runId: runId, pipelineId: pipelineId, stepId: entry.stepId, since: Timestamp.format(entry.since))
        })))
    }

    package func releaseRun(_ input: Operations.ReleaseRun.Input) async throws -> Operations.ReleaseRun.Output {
        let body: Components.Schemas.ReleaseRequest? = if case .json(let b)? = input.body { b } else { nil }
        let record = try await runtime.engine.release(input.path.runId, stepMode: body?.mode == .step, actor: RequestIdentity.actor)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "run.release", target: input.path.runId,
                                       runId: input.path.runId, reason: body?.reason)
        return .ok(.init(body: .json(try .init(record: record))))
    }

    static func breakpointTarget(_ stepId: String, _ pipelineId: String?) -> String {
        pipelineId.map { "\($0)/\(stepId)" } ?? stepId
    }
}

extension Components.Schemas.Breakpoint {
    init(breakpoint b: Breakpoint) {
        self.init(stepId: b.stepId, pipelineId: b.pipelineId, createdAt: Timestamp.format(b.createdAt), actor: b.actor)
    }
}
