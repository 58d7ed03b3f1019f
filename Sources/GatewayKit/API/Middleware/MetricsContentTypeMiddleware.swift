import Hummingbird

/// `/metrics` answers with the Prometheus text format's own media type (`version=0.0.4`), which the
/// generated server cannot express (it sends the spec's bare `text/plain`).
struct MetricsContentTypeMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentType: String { "text/plain; version=0.0.4; charset=utf-8" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path == "/metrics", response.status == .ok {
            response.headers[.contentType] = Self.contentType
        }
        return response
    }
}
