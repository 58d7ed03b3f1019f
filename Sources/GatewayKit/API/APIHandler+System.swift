import OpenAPIRuntime

extension APIHandler {
    package func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: "ok", version: GatewayVersion.current))))
    }

    package func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(OpenAPIDocument.yaml + "\n"))))
    }

    package func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        // The pending decisions are counted from the store, so the gauge is right from the first scrape after a restart.
        let pending = try await runtime.engine.pendingApprovalCount()
        runtime.metrics.approvalsPending.set(to: Double(pending))
        return .ok(.init(body: .plainText(HTTPBody(runtime.metrics.render()))))
    }
}
