package import Foundation

/// Accepts webhook deliveries (DESIGN §5): finds the trigger by path, checks the signature (or, for a trigger
/// without a secret, an `operate` bearer token), refuses replayed delivery ids durably, maps the input and
/// starts the run (`trigger.kind = webhook`).
package final class WebhookReceiver: Sendable {
    /// One delivery as received.
    package struct Delivery: Sendable {
        package var path: String
        package var body: Data
        /// Lower-case header names.
        package var headers: [String: String]
        package var query: [String: String]
    }

    unowned let runtime: GatewayRuntime
    let environment: [String: String]
    let now: @Sendable () -> Date

    init(runtime: GatewayRuntime, environment: [String: String], now: @escaping @Sendable () -> Date = { Date() }) {
        self.runtime = runtime
        self.environment = environment
        self.now = now
    }

    /// Handles a delivery and returns the started run's id.
    /// - Throws: `GatewayError` 404 (no trigger), 401/403, 409 `replayed_delivery`, 400 `invalid_json`,
    ///   422 (input), 503 `gateway_paused`.
    package func deliver(_ delivery: Delivery) async throws -> String {
        let (pipeline, trigger) = try webhookTrigger(path: delivery.path)
        let actor = try authenticate(delivery, trigger: trigger)
        guard !runtime.isPaused else { throw GatewayError.paused }
        let input = try Self.input(delivery, trigger: trigger)
        let deliveryId = delivery.headers["x-github-delivery"] ?? delivery.headers["x-gw-delivery"]
        let store = await runtime.scheduler.store
        if let deliveryId, !(try await store.claimDelivery(triggerId: trigger.id, deliveryId: deliveryId, at: now())) {
            throw GatewayError(.replayedDelivery, "delivery '\(deliveryId)' of trigger '\(trigger.id)' was already received")
        }
        do {
            let request = RunEngine.StartRequest(pipelineId: pipeline.id, input: input,
                                                 trigger: RunTrigger(kind: "webhook", id: trigger.id, actor: actor))
            let runId = try await runtime.engine.start(request).record.runId
            await runtime.scheduler.noteTriggerFired(trigger.id, runId: runId)
            return runId
        } catch {
            if let deliveryId { try? await store.releaseDelivery(triggerId: trigger.id, deliveryId: deliveryId) }
            throw error
        }
    }

    /// The webhook trigger listening on `path` (its `path`, else its id).
    private func webhookTrigger(path: String) throws -> (Pipeline, TriggerDefinition) {
        for pipeline in runtime.pipelines.pipelines.values.sorted(by: { $0.id < $1.id }) {
            for trigger in pipeline.triggers where trigger.kind == "webhook" {
                if (trigger.fields["path"]?.stringValue ?? trigger.id) == path { return (pipeline, trigger) }
            }
        }
        throw GatewayError.notFound("webhook '/hooks/\(path)'")
    }

    /// Checks the signature, or the bearer token of a trigger without a secret; returns the actor.
    private func authenticate(_ delivery: Delivery, trigger: TriggerDefinition) throws -> String {
        guard let variable = trigger.fields["secretEnv"]?.stringValue else {
            let header = delivery.headers["authorization"] ?? ""
            let token = header.lowercased().hasPrefix("bearer ") ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : ""
            guard let identity = runtime.verifier.identify(token) else {
                throw GatewayError(.unauthorized, "webhook '\(trigger.id)' has no secret: send Authorization: Bearer <token> with scope operate",
                                   headers: ["WWW-Authenticate": "Bearer"])
            }
            guard identity.allows(.operate) else {
                throw GatewayError(.forbidden, "token '\(identity.name)' has scope \(identity.scope.rawValue); this needs operate")
            }
            return identity.name
        }
        guard let secret = environment[variable], !secret.isEmpty else {
            throw GatewayError(.internalError, "webhook '\(trigger.id)': environment variable \(variable) (secretEnv) is not set")
        }
        do {
            if trigger.fields["signature"]?.stringValue == "github" {
                try WebhookSignature.verifyGitHub(header: delivery.headers["x-hub-signature-256"], body: delivery.body, secret: secret)
            } else {
                try WebhookSignature.verifyHMAC(header: delivery.headers["x-gw-signature"], body: delivery.body,
                                                secret: secret, now: now())
            }
        } catch {
            throw GatewayError(.unauthorized, "webhook '\(trigger.id)': \(error.reason)")
        }
        return "webhook"
    }

    /// `{body, headers, query}`, or the trigger's `input:` mapping evaluated with `webhook` = that object.
    static func input(_ delivery: Delivery, trigger: TriggerDefinition) throws -> JSONValue {
        let contentType = delivery.headers["content-type"] ?? ""
        var body: JSONValue = .string(String(decoding: delivery.body, as: UTF8.self))
        if contentType.contains("json"), !delivery.body.isEmpty {
            do { body = try JSONValue.parse(delivery.body) } catch {
                throw GatewayError(.invalidJSON, "the webhook body is not valid JSON: \(error.localizedDescription)")
            }
        }
        let headers = delivery.headers.filter { $0.key != "authorization" }.mapValues(JSONValue.string)
        let webhook: JSONValue = ["body": body, "headers": .object(headers), "query": .object(delivery.query.mapValues(JSONValue.string))]
        guard let mapping = trigger.fields["input"] else { return webhook }
        do {
            return try ValueTemplate.parse(mapping).evaluate(ExpressionContext(variables: ["webhook": webhook]))
        } catch {
            throw GatewayError(.invalidInput, "webhook '\(trigger.id)': its input mapping failed: \(error)")
        }
    }
}
