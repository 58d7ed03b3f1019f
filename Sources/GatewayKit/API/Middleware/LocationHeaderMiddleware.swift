import Foundation
import Hummingbird

/// The OpenAPI runtime percent-encodes header values (`%2Fruns%2F…`); a `Location` is a path, so send it as one.
struct LocationHeaderMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let location = response.headers[.location], location.contains("%") {
            response.headers[.location] = location.removingPercentEncoding ?? location
        }
        return response
    }
}
