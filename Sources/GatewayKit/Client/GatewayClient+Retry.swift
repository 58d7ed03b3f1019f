import OpenAPIRuntime

/// Why a run is where it is (`GET /runs/:runId/explain`): `{runId, status, summary, facts}`.
package typealias RunExplanationInfo = Components.Schemas.RunExplanation

extension GatewayClient {
    /// `POST /runs/:runId/retry`: a new run retrying `runId`; returns its id and status.
    /// - Parameters:
    ///   - fromStep: the top-level step to run again from (default: the first one that did not complete).
    ///   - input: replaces the original input.
    ///   - current: run the pipeline version loaded now instead of the original's.
    ///   - reason: recorded in the audit log.
    ///   - idempotencyKey: the same key for the same original and body returns the first retry.
    package func retryRun(_ runId: String, fromStep: String? = nil, input: JSONValue? = nil, current: Bool = false,
                          reason: String? = nil, idempotencyKey: String? = nil) async throws -> RunStartResult {
        let body = Components.Schemas.RetryRequest(fromStep: fromStep, input: try input.map(OpenAPIValueContainer.init(json:)),
                                                   reason: reason)
        return try await call {
            try await api.retryRun(.init(
                path: .init(runId: runId), query: .init(version: current ? "current" : nil),
                headers: .init(idempotencyKey: idempotencyKey), body: .json(body)
            )).accepted.body.json
        }
    }

    /// `GET /runs/:runId/explain`: the summary and the facts it is built from.
    package func explainRun(_ runId: String) async throws -> RunExplanationInfo {
        try await call { try await api.explainRun(.init(path: .init(runId: runId))).ok.body.json }
    }
}
