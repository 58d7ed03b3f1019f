import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Makes the raw headers and query of a webhook delivery available to its handler through
/// `WebhookRequest.current` (the generated input carries only declared headers).
struct WebhookRequestMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == "deliverWebhook" else { return try await next(request, body, metadata) }
        var headers: [String: String] = [:]
        for field in request.headerFields {
            let name = field.name.canonicalName.lowercased()
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        var query: [String: String] = [:]
        if let path = request.path, let items = URLComponents(string: path)?.queryItems {
            for item in items { query[item.name] = item.value ?? "" }
        }
        return try await WebhookRequest.$current.withValue(WebhookRequest(headers: headers, query: query)) {
            try await next(request, body, metadata)
        }
    }
}

/// The headers (lower-case names) and query of the webhook delivery being handled.
struct WebhookRequest: Sendable {
    @TaskLocal static var current = WebhookRequest(headers: [:], query: [:])

    var headers: [String: String]
    var query: [String: String]
}
