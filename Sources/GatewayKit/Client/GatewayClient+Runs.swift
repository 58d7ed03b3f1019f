import OpenAPIRuntime

/// A run record (`GET /runs/:runId`).
package typealias RunInfo = Components.Schemas.Run
/// A page of runs, newest first, with the cursor of the next page.
package typealias RunList = Components.Schemas.RunList
/// One event of a run (`{seq, runId, type, at, stepId?, data}`).
package typealias RunEventRecord = Components.Schemas.RunEvent
/// A JSON snapshot of a run's events (`{runId, events}`).
package typealias EventList = Components.Schemas.EventList

extension GatewayClient {
    /// `GET /runs`: a page of runs, newest first.
    /// - Parameters:
    ///   - pipelineId: only runs of this pipeline.
    ///   - status: only runs with this status (`waiting`, `failed`, …).
    ///   - limit: at most this many runs (1…1000).
    ///   - cursor: the `nextCursor` of the previous page.
    package func runs(pipelineId: String? = nil, status: String? = nil, limit: Int? = nil,
                      cursor: String? = nil) async throws -> RunList {
        let query = Operations.ListRuns.Input.Query(pipelineId: pipelineId, status: status, limit: limit, cursor: cursor)
        return try await call { try await api.listRuns(.init(query: query)).ok.body.json }
    }

    /// `GET /runs/:runId`: one run record.
    package func run(_ runId: String) async throws -> RunInfo {
        try await call { try await api.getRun(.init(path: .init(runId: runId))).ok.body.json }
    }

    /// `DELETE /runs/:runId`: cancels a run and returns it.
    /// - Parameter reason: why (recorded in the audit log).
    package func cancelRun(_ runId: String, reason: String? = nil) async throws -> RunInfo {
        try await call { try await api.cancelRun(.init(path: .init(runId: runId), query: .init(reason: reason))).ok.body.json }
    }

    /// `GET /runs/:runId/events` as a JSON snapshot (`Accept: application/json`, `follow=false`): never waits.
    /// - Parameters:
    ///   - since: only events with a larger `seq`.
    ///   - limit: at most this many events (1…10000).
    package func events(runId: String, since: Int? = nil, limit: Int? = nil) async throws -> EventList {
        try await call {
            try await api.getRunEvents(.init(
                path: .init(runId: runId), query: .init(since: since, limit: limit, follow: false),
                headers: .init(accept: [.init(contentType: .json)])
            )).ok.body.json
        }
    }

    /// `POST /runs/:runId/resume`: continues a run waiting in a `wait` step.
    /// - Parameters:
    ///   - stepId: the waiting step (needed when several wait).
    ///   - output: the step's output, checked against the wait's `schema`.
    ///   - reason: why (recorded in the audit log).
    package func resumeRun(_ runId: String, stepId: String? = nil, output: JSONValue? = nil,
                           reason: String? = nil) async throws -> RunInfo {
        let request = Components.Schemas.ResumeRequest(
            stepId: stepId, output: try output.map(OpenAPIValueContainer.init(json:)), reason: reason)
        return try await call {
            try await api.resumeRun(.init(path: .init(runId: runId), body: .json(request))).ok.body.json
        }
    }
}
