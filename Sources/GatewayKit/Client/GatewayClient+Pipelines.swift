import OpenAPIRuntime

/// A pipeline as listed by `GET /pipelines`.
package typealias PipelineSummary = Components.Schemas.PipelineSummary
/// A pipeline with its input schema, step tree, triggers and source file.
package typealias PipelineDetail = Components.Schemas.PipelineDetail
/// The answer of `POST /pipelines/:id/start`: the new run's id and status.
package typealias RunStartResult = Components.Schemas.StartResult

extension GatewayClient {
    /// `GET /pipelines`: every loaded pipeline.
    package func pipelines() async throws -> [PipelineSummary] {
        try await call { try await api.listPipelines(.init()).ok.body.json }
    }

    /// `GET /pipelines/:id`: one pipeline in detail.
    package func pipeline(_ pipelineId: String) async throws -> PipelineDetail {
        try await call { try await api.getPipeline(.init(path: .init(pipelineId: pipelineId))).ok.body.json }
    }

    /// `POST /pipelines/:id/run`: runs a pipeline and waits up to `wait` for its end.
    /// - Parameters:
    ///   - input: the pipeline input (nil sends no body).
    ///   - wait: how long the gateway waits (a duration such as `30s`; nil for the gateway's default).
    ///   - idempotencyKey: the same key for the same pipeline within 24 h returns the first run.
    /// - Returns: the run record and whether it ended (200) or is still going (202).
    package func runPipeline(_ pipelineId: String, input: JSONValue? = nil, wait: String? = nil,
                             idempotencyKey: String? = nil) async throws -> (run: RunInfo, ended: Bool) {
        let request = try Self.runRequest(input)
        return try await call {
            let output = try await waitingAPI(wait).runPipeline(.init(
                path: .init(pipelineId: pipelineId), query: .init(wait: wait),
                headers: .init(idempotencyKey: idempotencyKey), body: request.map { .json($0) }))
            switch output {
            case .ok(let ok): return (try ok.body.json, true)
            case .accepted(let accepted): return (try accepted.body.json, false)
            default: throw Self.unexpected("runPipeline: \(output)")
            }
        }
    }

    /// `POST /pipelines/:id/start`: starts a run and returns at once (202).
    /// - Parameters:
    ///   - input: the pipeline input (nil sends no body).
    ///   - idempotencyKey: the same key for the same pipeline within 24 h returns the first run.
    package func startPipeline(_ pipelineId: String, input: JSONValue? = nil,
                               idempotencyKey: String? = nil) async throws -> RunStartResult {
        let request = try Self.runRequest(input)
        return try await call {
            try await api.startPipeline(.init(
                path: .init(pipelineId: pipelineId), headers: .init(idempotencyKey: idempotencyKey),
                body: request.map { .json($0) }
            )).accepted.body.json
        }
    }

    /// The `RunRequest` carrying `input`, or nil when there is no input.
    private static func runRequest(_ input: JSONValue?) throws -> Components.Schemas.RunRequest? {
        guard let input else { return nil }
        return .init(input: try OpenAPIValueContainer(json: input))
    }
}
