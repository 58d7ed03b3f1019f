import OpenAPIRuntime

/// An ACP agent session (`GET /sessions`).
package typealias SessionInfo = Components.Schemas.Session
/// The ids of the sessions a prune removed.
package typealias SessionPruneResult = Components.Schemas.PruneResult

extension GatewayClient {
    /// `GET /sessions`: every ACP agent session.
    package func sessions() async throws -> [SessionInfo] {
        try await call { try await api.listSessions(.init()).ok.body.json }
    }

    /// `GET /sessions/:id`: one session.
    package func session(_ sessionId: String) async throws -> SessionInfo {
        try await call { try await api.getSession(.init(path: .init(sessionId: sessionId))).ok.body.json }
    }

    /// `POST /sessions/:id/resume`: restarts the agent process, loads the session and returns it (`active`).
    package func resumeSession(_ sessionId: String) async throws -> SessionInfo {
        try await call { try await api.resumeSession(.init(path: .init(sessionId: sessionId))).ok.body.json }
    }

    /// `POST /sessions/prune`: removes expired or old idle sessions; never an active one.
    /// - Parameters:
    ///   - expired: remove the expired sessions.
    ///   - olderThan: remove idle sessions unused for this long (a duration such as `7d`).
    package func pruneSessions(expired: Bool? = nil, olderThan: String? = nil) async throws -> SessionPruneResult {
        let request = Components.Schemas.PruneRequest(expired: expired, olderThan: olderThan)
        return try await call { try await api.pruneSessions(.init(body: .json(request))).ok.body.json }
    }

    /// `DELETE /sessions/:id`: stops the agent process and removes the session (204).
    package func removeSession(_ sessionId: String) async throws {
        try await call { _ = try await api.removeSession(.init(path: .init(sessionId: sessionId))).noContent }
    }
}
