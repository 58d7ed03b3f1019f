import OpenAPIRuntime

/// A trigger of a pipeline, or a schedule made over the API (`GET /triggers`).
package typealias TriggerInfo = Components.Schemas.Trigger
/// The answer of firing a trigger: the started run's id.
package typealias TriggerFireResult = Components.Schemas.FireResult

extension GatewayClient {
    /// `GET /triggers`: every trigger, schedules made over the API included.
    package func triggers() async throws -> [TriggerInfo] {
        try await call { try await api.listTriggers(.init()).ok.body.json }
    }

    /// `POST /triggers/:id/fire`: fires a trigger by hand (202); the run's trigger kind is `manual`.
    /// - Parameters:
    ///   - input: the run input (nil uses the trigger's own).
    ///   - idempotencyKey: the same key for the same pipeline within 24 h returns the first run.
    package func fireTrigger(_ triggerId: String, input: JSONValue? = nil,
                             idempotencyKey: String? = nil) async throws -> TriggerFireResult {
        let request = try input.map { Components.Schemas.FireRequest(input: try OpenAPIValueContainer(json: $0)) }
        return try await call {
            try await api.fireTrigger(.init(
                path: .init(triggerId: triggerId), headers: .init(idempotencyKey: idempotencyKey),
                body: request.map { .json($0) }
            )).accepted.body.json
        }
    }
}
