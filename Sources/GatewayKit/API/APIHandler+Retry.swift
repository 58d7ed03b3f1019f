import Foundation
import OpenAPIRuntime

/// `POST /runs/:runId/retry` and `GET /runs/:runId/explain` (DESIGN §12).
extension APIHandler {
    package func retryRun(_ input: Operations.RetryRun.Input) async throws -> Operations.RetryRun.Output {
        let current: Bool
        switch input.query.version {
        case nil, "original": current = false
        case "current": current = true
        case let other?: throw GatewayError(.badRequest, "version must be 'original' or 'current', not '\(other)'")
        }
        let body: Components.Schemas.RetryRequest? = input.body.map { if case .json(let b) = $0 { b } else { nil } } ?? nil
        if let from = body?.fromStep, from.isEmpty { throw GatewayError(.invalidInput, "fromStep must be a step id, not empty") }
        if runtime.isPaused { throw GatewayError.paused }
        let request = RunEngine.RetryRequest(runId: input.path.runId, fromStep: body?.fromStep, input: try body?.input.map { try $0.json },
                                             currentVersion: current, idempotencyKey: input.headers.idempotencyKey,
                                             actor: RequestIdentity.actor)
        let (record, replayed) = try await runtime.engine.retry(request)
        if !replayed {
            try await runtime.audit.record(actor: RequestIdentity.actor, action: "run.retry", target: input.path.runId,
                                           runId: record.runId, reason: body?.reason)
        }
        return .accepted(.init(headers: .init(location: "/runs/\(record.runId)"),
                               body: .json(.init(runId: record.runId, status: record.status.rawValue))))
    }

    package func explainRun(_ input: Operations.ExplainRun.Input) async throws -> Operations.ExplainRun.Output {
        let explanation = try await runtime.engine.explain(input.path.runId, gatewayPaused: runtime.isPaused)
        return .ok(.init(body: .json(try .init(explanation: explanation))))
    }
}
