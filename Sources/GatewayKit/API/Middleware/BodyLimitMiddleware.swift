import Hummingbird

/// Refuses request bodies over the limit with 413 `payload_too_large`, before any handler reads them.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw GatewayError(.payloadTooLarge, "the request body (\(length) bytes) is larger than the limit of \(limit) bytes")
        }
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw GatewayError(.payloadTooLarge, "the request body is larger than the limit of \(limit) bytes")
        }
        return try await next(request, context)
    }
}
