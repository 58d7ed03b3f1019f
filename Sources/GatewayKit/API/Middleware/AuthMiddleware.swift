import HTTPTypes
import OpenAPIRuntime

/// Checks the bearer token of every operation that needs one, by operationId, and makes the caller's
/// identity available to handlers through `RequestIdentity.current`.
struct AuthMiddleware: ServerMiddleware {
    let verifier: TokenVerifier
    let metricsAuth: Bool

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let needed = OperationScopes.required(for: operationID, metricsAuth: metricsAuth) else {
            return try await next(request, body, metadata)
        }
        guard let identity = identify(request) else {
            throw GatewayError(.unauthorized, "missing or invalid bearer token (send Authorization: Bearer <token>)",
                               headers: ["WWW-Authenticate": "Bearer"])
        }
        guard identity.allows(needed) else {
            throw GatewayError(.forbidden, "token '\(identity.name)' has scope \(identity.scope.rawValue); this needs \(needed.rawValue)")
        }
        return try await RequestIdentity.$current.withValue(identity) {
            try await next(request, body, metadata)
        }
    }

    private func identify(_ request: HTTPRequest) -> Identity? {
        guard let header = request.headerFields[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return verifier.identify(String(parts[1]).trimmingCharacters(in: .whitespaces))
    }
}

/// The identity of the caller of the current request.
enum RequestIdentity {
    @TaskLocal static var current: Identity?

    /// The caller's name (the actor of events and audit entries), `anonymous` outside a request.
    static var actor: String { current?.name ?? "anonymous" }
}
