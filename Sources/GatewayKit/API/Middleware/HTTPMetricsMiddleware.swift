import Foundation
import Hummingbird

/// Counts requests and their durations by route template (never the raw path).
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: GatewayMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = Self.template(context.endpointPath)
        metrics.httpRequests(route: route, method: request.method.rawValue, code: response.status.code).increment()
        let elapsed = ContinuousClock.now - start
        metrics.httpDuration(route: route).record(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        return response
    }

    /// `/runs/{runId}` → `/runs/:runId`; unmatched paths are `unmatched`.
    static func template(_ endpoint: String?) -> String {
        guard let endpoint, endpoint != "NotFound" else { return "unmatched" }
        return endpoint.split(separator: "/", omittingEmptySubsequences: false).map { seg in
            seg.hasPrefix("{") && seg.hasSuffix("}") ? ":" + seg.dropFirst().dropLast() : String(seg)
        }.joined(separator: "/")
    }
}
