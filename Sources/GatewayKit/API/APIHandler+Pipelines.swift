import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func listPipelines(_ input: Operations.ListPipelines.Input) async throws -> Operations.ListPipelines.Output {
        let all = runtime.pipelines.pipelines.values.sorted { $0.id < $1.id }
        return .ok(.init(body: .json(all.map(Components.Schemas.PipelineSummary.init(pipeline:)))))
    }

    package func getPipeline(_ input: Operations.GetPipeline.Input) async throws -> Operations.GetPipeline.Output {
        guard let pipeline = runtime.pipelines.pipelines[input.path.pipelineId] else {
            throw GatewayError.notFound("pipeline '\(input.path.pipelineId)'")
        }
        let fires = Dictionary(try await runtime.scheduler.triggers().map { ($0.id, $0) }) { first, _ in first }
        return .ok(.init(body: .json(try Components.Schemas.PipelineDetail(pipeline: pipeline, fires: fires))))
    }

    package func runPipeline(_ input: Operations.RunPipeline.Input) async throws -> Operations.RunPipeline.Output {
        let wait = try input.query.wait.map(DurationParser.seconds) ?? 30
        let body = try Self.runInput(input.body.map { if case .json(let b) = $0 { b } else { nil } } ?? nil)
        let started = try await startRun(input.path.pipelineId, input: body, key: input.headers.idempotencyKey)
        let record = try await runtime.engine.awaitTerminal(started.runId, timeout: wait) ?? started
        let run = try Components.Schemas.Run(record: record)
        return record.status.isTerminal ? .ok(.init(body: .json(run))) : .accepted(.init(body: .json(run)))
    }

    package func startPipeline(_ input: Operations.StartPipeline.Input) async throws -> Operations.StartPipeline.Output {
        let body = try Self.runInput(input.body.map { if case .json(let b) = $0 { b } else { nil } } ?? nil)
        let record = try await startRun(input.path.pipelineId, input: body, key: input.headers.idempotencyKey)
        return .accepted(.init(headers: .init(location: "/runs/\(record.runId)"),
                               body: .json(.init(runId: record.runId, status: record.status.rawValue))))
    }

    /// Starts a run from the API (503 while paused; replays for a known Idempotency-Key).
    private func startRun(_ pipelineId: String, input: JSONValue?, key: String?) async throws -> RunRecord {
        if runtime.isPaused { throw GatewayError.paused }
        let request = RunEngine.StartRequest(pipelineId: pipelineId, input: input,
                                             trigger: RunTrigger(kind: "api", actor: RequestIdentity.actor), idempotencyKey: key)
        return try await runtime.engine.start(request).record
    }

    static func runInput(_ body: Components.Schemas.RunRequest?) throws -> JSONValue? {
        try body?.input.map { try $0.json }
    }
}
