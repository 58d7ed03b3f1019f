import Foundation
import OpenAPIRuntime

/// The OpenAI-compatible surface (DESIGN §6): pipelines with `openai: true` are models, and every call
/// is a normal run (`trigger.kind = openai`). Mapping a run to OpenAI's objects lives in `OpenAICompat/`.
extension APIHandler {
    package func listModels(_ input: Operations.ListModels.Input) async throws -> Operations.ListModels.Output {
        let created = Int(runtime.startedAt.timeIntervalSince1970)
        let models = runtime.pipelines.pipelines.values.filter(\.openai).sorted { $0.id < $1.id }.map {
            Components.Schemas.OpenAIModelList.DataPayloadPayload(id: $0.id, object: "model", created: created, ownedBy: "gw")
        }
        return .ok(.init(body: .json(.init(object: "list", data: models))))
    }

    package func createChatCompletion(
        _ input: Operations.CreateChatCompletion.Input
    ) async throws -> Operations.CreateChatCompletion.Output {
        guard case .json(let object) = input.body else { throw GatewayError(.badRequest, "the body must be JSON") }
        let request = try OpenAIChatRequest.chatCompletion(object.json)
        let record = try await startOpenAIRun(request)
        let encoder = ChatCompletionEncoder(runId: record.runId, model: request.model, created: record.createdAt,
                                            includeUsage: request.includeUsage)
        if request.stream {
            let bytes = try await OpenAIRunStream(runtime: runtime, runId: record.runId, encoder: encoder).body()
            return .ok(.init(body: .textEventStream(HTTPBody(bytes, length: .unknown, iterationBehavior: .single))))
        }
        let finished = try await completedRun(record.runId)
        return .ok(.init(body: .json(try .init(json: encoder.completion(finished)))))
    }

    package func createResponse(_ input: Operations.CreateResponse.Input) async throws -> Operations.CreateResponse.Output {
        guard case .json(let object) = input.body else { throw GatewayError(.badRequest, "the body must be JSON") }
        let request = try OpenAIChatRequest.response(object.json)
        let record = try await startOpenAIRun(request)
        let encoder = ResponseEncoder(runId: record.runId, model: request.model, created: record.createdAt)
        if request.stream {
            let bytes = try await OpenAIRunStream(runtime: runtime, runId: record.runId, encoder: encoder).body()
            return .ok(.init(body: .textEventStream(HTTPBody(bytes, length: .unknown, iterationBehavior: .single))))
        }
        let finished = try await completedRun(record.runId)
        return .ok(.init(body: .json(try .init(json: encoder.response(finished, status: "completed")))))
    }

    // MARK: - Runs

    /// Starts the run of the pipeline named by `model` (503 while paused; 404 `model_not_found` for a
    /// pipeline that does not exist or is not exposed).
    private func startOpenAIRun(_ request: OpenAIChatRequest) async throws -> RunRecord {
        guard let pipeline = runtime.pipelines.pipelines[request.model], pipeline.openai else {
            throw GatewayError(.modelNotFound, "The model '\(request.model)' does not exist: no pipeline with openai: true has this id",
                               details: ["param": "model"])
        }
        if runtime.isPaused { throw GatewayError.paused }
        let start = RunEngine.StartRequest(pipelineId: pipeline.id, input: request.pipelineInput,
                                           trigger: RunTrigger(kind: "openai", actor: RequestIdentity.actor))
        return try await runtime.engine.start(start).record
    }

    /// The run once it has ended; 500 `pipeline_failed` when it did not complete.
    private func completedRun(_ runId: String) async throws -> RunRecord {
        while true {
            try Task.checkCancellation()
            guard let record = try await runtime.engine.awaitTerminal(runId, timeout: 3600) else {
                throw GatewayError.notFound("run '\(runId)'")
            }
            guard record.status.isTerminal else { continue }
            guard record.status == .completed else { throw OpenAIRunResult.failure(record) }
            return record
        }
    }
}
