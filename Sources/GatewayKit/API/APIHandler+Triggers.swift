import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func listTriggers(_ input: Operations.ListTriggers.Input) async throws -> Operations.ListTriggers.Output {
        let triggers = try await runtime.scheduler.triggers()
        return .ok(.init(body: .json(try triggers.map(Components.Schemas.Trigger.init(view:)))))
    }

    package func fireTrigger(_ input: Operations.FireTrigger.Input) async throws -> Operations.FireTrigger.Output {
        var runInput: JSONValue?
        if case .json(let body) = input.body { runInput = try body.input.map { try $0.json } }
        if let key = input.headers.idempotencyKey, key.count > 255 {
            throw GatewayError(.badRequest, "Idempotency-Key is longer than 255 characters")
        }
        let outcome = try await runtime.scheduler.fire(input.path.triggerId, input: runInput,
                                                       idempotencyKey: input.headers.idempotencyKey,
                                                       actor: RequestIdentity.actor)
        return .accepted(.init(body: .json(.init(runId: outcome.runId, queued: outcome.runId == nil ? true : nil))))
    }
}
