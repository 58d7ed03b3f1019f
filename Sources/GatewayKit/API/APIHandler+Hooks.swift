import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func deliverWebhook(_ input: Operations.DeliverWebhook.Input) async throws -> Operations.DeliverWebhook.Output {
        var body = Data()
        if case .any(let stream) = input.body {
            do {
                body = Data(try await Data(collecting: stream, upTo: runtime.config.maxBodyBytes))
            } catch {
                throw GatewayError(.payloadTooLarge, "the webhook body is larger than \(runtime.config.maxBodyBytes) bytes")
            }
        }
        let request = WebhookRequest.current
        let runId = try await runtime.webhooks.deliver(.init(path: input.path.hookPath, body: body,
                                                             headers: request.headers, query: request.query))
        return .accepted(.init(body: .json(.init(runId: runId))))
    }
}
