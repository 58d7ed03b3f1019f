import Foundation
import OpenAPIRuntime
import ServiceLifecycle

/// The web console's sign-in (`/session`) and gateway-wide event stream (`/events`).
extension APIHandler {
    package func signIn(_ input: Operations.SignIn.Input) async throws -> Operations.SignIn.Output {
        guard case .json(let body) = input.body, let identity = runtime.verifier.identify(body.token) else {
            throw GatewayError(.unauthorized, "invalid token")
        }
        let (id, session) = runtime.consoleSessions.create(tokenDigest: TokenVerifier.digest(body.token))
        try await runtime.audit.record(actor: identity.name, action: "console.signin", target: identity.name)
        ConsoleRequest.setCookie?.set(ConsoleSessions.setCookie(id, secure: ConsoleRequest.https))
        return .ok(.init(body: .json(Self.consoleSession(identity, session))))
    }

    package func getSignIn(_ input: Operations.GetSignIn.Input) async throws -> Operations.GetSignIn.Output {
        guard let identity = RequestIdentity.current else { throw AuthMiddleware.unauthorized }
        let session = ConsoleRequest.sessionId.flatMap { runtime.consoleSessions.session($0) }
        return .ok(.init(body: .json(Self.consoleSession(identity, session))))
    }

    package func signOut(_ input: Operations.SignOut.Input) async throws -> Operations.SignOut.Output {
        if let id = ConsoleRequest.sessionId {
            runtime.consoleSessions.remove(id)
            try await runtime.audit.record(actor: RequestIdentity.actor, action: "console.signout", target: RequestIdentity.actor)
        }
        ConsoleRequest.setCookie?.set(ConsoleSessions.clearCookie(secure: ConsoleRequest.https))
        return .noContent(.init())
    }

    package func getGatewayEvents(_ input: Operations.GetGatewayEvents.Input) async throws -> Operations.GetGatewayEvents.Output {
        let stream = GatewayEventStream(feed: runtime.engine.hub.feed)
        return .ok(.init(body: .textEventStream(HTTPBody(stream.bytes(), length: .unknown, iterationBehavior: .single))))
    }

    static func consoleSession(_ identity: Identity, _ session: ConsoleSessions.Session?) -> Components.Schemas.ConsoleSession {
        Components.Schemas.ConsoleSession(name: identity.name, scopes: Scope.allCases.filter { identity.allows($0) }.map(\.rawValue),
                                          csrfToken: session?.csrfToken, expiresAt: session.map { Timestamp.format($0.expiresAt) })
    }
}

/// `GET /events` as SSE frames: the feed's items, a `: keep-alive` comment every 15 s; ends only at shutdown
/// (or when the client is gone or too far behind).
struct GatewayEventStream: Sendable {
    let feed: GatewayFeed

    func bytes() -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        AsyncThrowingStream { continuation in
            let producer = Task {
                continuation.yield(ArraySlice("retry: 2000\n\n".utf8))
                let items = await feed.subscribe()
                // The stream never ends by itself: end it when the gateway shuts down, or an open console would
                // hold the HTTP server (and SIGTERM) for the whole grace period.
                await withGracefulShutdownHandler {
                    for await item in items { continuation.yield(Self.frame(item)) }
                } onGracefulShutdown: {
                    continuation.finish()
                }
                continuation.finish()
            }
            let keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(EventStream.keepAliveSeconds))
                    if Task.isCancelled { return }
                    continuation.yield(ArraySlice(": keep-alive\n\n".utf8))
                }
            }
            continuation.onTermination = { _ in
                producer.cancel()
                keepAlive.cancel()
            }
        }
    }

    static func frame(_ item: GatewayFeed.Item) -> ArraySlice<UInt8> {
        switch item {
        case .change(let type, let data): ArraySlice("event: \(type)\ndata: \(data.jsonString)\n\n".utf8)
        case .approvals(let pending): ArraySlice("event: approvals\ndata: {\"pending\":\(pending)}\n\n".utf8)
        }
    }
}
