import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Treats an empty request body as no body, so optional JSON bodies may be left out (`POST /gateway/resume`).
/// Bodies are already bounded by `BodyLimitMiddleware`.
struct EmptyBodyMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, request.method != .get else { return try await next(request, body, metadata) }
        let data = try await Data(collecting: body, upTo: 64 << 20)
        if data.isEmpty { return try await next(request, nil, metadata) }
        var request = request
        let contentType = request.headerFields[.contentType]?.lowercased() ?? ""
        if operationID != "deliverWebhook" && !contentType.contains("json") {
            // Every gw body is JSON: read it as JSON whatever a client labelled it (curl -d says form-urlencoded).
            request.headerFields[.contentType] = "application/json"
        }
        return try await next(request, HTTPBody(data), metadata)
    }
}
