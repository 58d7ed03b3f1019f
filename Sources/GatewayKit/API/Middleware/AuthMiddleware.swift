import HTTPTypes
import OpenAPIRuntime

/// Checks the bearer token (or the console's `gw_session` cookie) of every operation that needs one, by
/// operationId, and makes the caller's identity available to handlers through `RequestIdentity.current`.
/// A state-changing request authenticated by the cookie must pass the CSRF check (`X-CSRF-Token` or a
/// same-origin `Origin`), else 403 `csrf_failed`; bearer requests are unaffected.
struct AuthMiddleware: ServerMiddleware {
    let verifier: TokenVerifier
    let metricsAuth: Bool
    let sessions: ConsoleSessions

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let https = request.scheme?.lowercased() == "https"
        guard let needed = OperationScopes.required(for: operationID, metricsAuth: metricsAuth) else {
            return try await Self.withCookieSlot(https: https) { try await next(request, body, metadata) }
        }
        let identity: Identity, sessionId: String?
        if request.headerFields[.authorization] != nil {
            guard let found = identify(request) else { throw Self.unauthorized }
            (identity, sessionId) = (found, nil)
        } else if let id = ConsoleSessions.cookieValue(request.headerFields[.cookie]), let session = sessions.session(id),
                  let found = verifier.identify(digest: session.tokenDigest) {
            guard !ConsoleCSRF.isStateChanging(request.method) || ConsoleCSRF.passes(request, session: session) else {
                throw GatewayError(.csrfFailed, "a request signed in by the console cookie needs the X-CSRF-Token header "
                                   + "of its session or a same-origin Origin header")
            }
            (identity, sessionId) = (found, id)
        } else {
            throw Self.unauthorized
        }
        guard identity.allows(needed) else {
            throw GatewayError(.forbidden, "token '\(identity.name)' has scope \(identity.scope.rawValue); this needs \(needed.rawValue)")
        }
        return try await RequestIdentity.$current.withValue(identity) {
            try await ConsoleRequest.$sessionId.withValue(sessionId) {
                try await Self.withCookieSlot(https: https) { try await next(request, body, metadata) }
            }
        }
    }

    /// Runs `body` with a slot for the handler's `Set-Cookie` value and adds it to the response unencoded.
    private static func withCookieSlot(https: Bool, _ body: () async throws -> (HTTPResponse, HTTPBody?)) async throws
        -> (HTTPResponse, HTTPBody?) {
        let slot = ConsoleRequest.CookieSlot()
        var (response, responseBody) = try await ConsoleRequest.$https.withValue(https) {
            try await ConsoleRequest.$setCookie.withValue(slot) { try await body() }
        }
        if let cookie = slot.cookie { response.headerFields[.setCookie] = cookie }
        return (response, responseBody)
    }

    static let unauthorized = GatewayError(.unauthorized, "missing or invalid bearer token (send Authorization: Bearer <token>, "
                                           + "or sign in to the console)", headers: ["WWW-Authenticate": "Bearer"])

    private func identify(_ request: HTTPRequest) -> Identity? {
        guard let header = request.headerFields[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        // Trimmed without Foundation: `trimmingCharacters(in:)` bridges to NSString, 4 % of a request (bench/PROFILE.md).
        let isBlank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        var token = parts[1].drop(while: isBlank)
        while let last = token.last, isBlank(last) { token = token.dropLast() }
        return verifier.identify(String(token))
    }
}

/// The identity of the caller of the current request.
enum RequestIdentity {
    @TaskLocal static var current: Identity?

    /// The caller's name (the actor of events and audit entries), `anonymous` outside a request.
    static var actor: String { current?.name ?? "anonymous" }
}
