import HTTPTypes
import OpenAPIRuntime

/// OpenAI's SDKs send `Accept: application/json` even when they ask for a stream (`"stream": true`
/// decides the answer's format). The `Accept` header of the `/v1/` POST routes is dropped so the
/// generated serializer does not refuse the `text/event-stream` answer.
struct OpenAIAcceptMiddleware: ServerMiddleware {
    static let operations: Set<String> = ["createChatCompletion", "createResponse"]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard Self.operations.contains(operationID) else { return try await next(request, body, metadata) }
        var request = request
        request.headerFields[.accept] = nil
        return try await next(request, body, metadata)
    }
}
