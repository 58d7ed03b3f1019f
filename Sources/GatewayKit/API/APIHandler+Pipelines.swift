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
        return .ok(.init(body: .json(try Components.Schemas.PipelineDetail(pipeline: pipeline))))
    }

    package func runPipeline(_ input: Operations.RunPipeline.Input) async throws -> Operations.RunPipeline.Output {
        throw GatewayError.notImplemented("running pipelines")
    }

    package func startPipeline(_ input: Operations.StartPipeline.Input) async throws -> Operations.StartPipeline.Output {
        throw GatewayError.notImplemented("starting pipelines")
    }
}
