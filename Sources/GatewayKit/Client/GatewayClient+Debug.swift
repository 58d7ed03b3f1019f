import OpenAPIRuntime

/// A breakpoint: runs stop before the step with this id (`{stepId, pipelineId?, createdAt, actor}`).
package typealias BreakpointInfo = Components.Schemas.Breakpoint
/// A run stopped at a breakpoint.
package typealias DebugRunInfo = Components.Schemas.DebugRun
/// How a released run goes on: `continue`, or `step` (stop again before the next step).
package typealias ReleaseMode = Components.Schemas.ReleaseRequest.ModePayload

extension GatewayClient {
    /// `GET /debug/breakpoints`: every breakpoint.
    package func breakpoints() async throws -> [BreakpointInfo] {
        try await call { try await api.listBreakpoints(.init()).ok.body.json }
    }

    /// `POST /debug/breakpoints`: stops every run (of `pipelineId`, else of any pipeline) before `stepId` (201).
    package func addBreakpoint(stepId: String, pipelineId: String? = nil, reason: String? = nil) async throws -> BreakpointInfo {
        let request = Components.Schemas.BreakpointRequest(stepId: stepId, pipelineId: pipelineId, reason: reason)
        return try await call { try await api.addBreakpoint(.init(body: .json(request))).created.body.json }
    }

    /// `DELETE /debug/breakpoints/:stepId`: removes a breakpoint (204).
    package func removeBreakpoint(stepId: String, pipelineId: String? = nil, reason: String? = nil) async throws {
        try await call {
            _ = try await api.removeBreakpoint(.init(path: .init(stepId: stepId), query: .init(pipelineId: pipelineId, reason: reason)))
                .noContent
        }
    }

    /// `GET /debug/runs`: the runs stopped at a breakpoint.
    package func debugRuns() async throws -> [DebugRunInfo] {
        try await call { try await api.listDebugRuns(.init()).ok.body.json }
    }

    /// `POST /debug/runs/:runId/release`: lets a run stopped at a breakpoint go on and returns it.
    /// - Parameter mode: `continue` (nil: the gateway's default) or `step`.
    package func releaseRun(_ runId: String, mode: ReleaseMode? = nil, reason: String? = nil) async throws -> RunInfo {
        let request = Components.Schemas.ReleaseRequest(mode: mode, reason: reason)
        return try await call {
            try await api.releaseRun(.init(path: .init(runId: runId), body: .json(request))).ok.body.json
        }
    }
}
