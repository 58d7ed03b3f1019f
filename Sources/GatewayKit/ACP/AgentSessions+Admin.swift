import Foundation

/// What the `/sessions` routes and the housekeeping service do.
extension AgentSessions {
    /// Every session.
    func list() async throws -> [SessionRecord] { try await store.all() }

    /// One session.
    /// - Throws: `GatewayError` 404.
    func get(_ id: String) async throws -> SessionRecord {
        guard let session = try await store.get(id) else { throw GatewayError.notFound("session '\(id)'") }
        return session
    }

    /// Restarts the agent process of an idle session and loads the session (`active`); an active one is returned as is.
    /// - Throws: 404; 409 `expired`; 409 `not_resumable` when the agent is gone or cannot load sessions.
    func resume(_ id: String) async throws -> SessionRecord {
        var session = try await get(id)
        switch session.state {
        case .active where live[id] != nil: return session
        case .expired: throw GatewayError(.expired, "session '\(id)' has expired; start a new one")
        case .closed: throw GatewayError(.notResumable, "session '\(id)' is closed: its agent cannot load sessions")
        default: break
        }
        await acquire(id)
        defer { release(id) }
        do {
            _ = try await ensureLive(&session)
        } catch let error as GatewayError {
            throw error
        } catch {
            throw GatewayError(.notResumable, "session '\(id)' could not be resumed: \(error)")
        }
        guard let agent = live[id], agent.canLoadSession || session.turns == 0 else {
            try await stopProcess(&session)
            throw GatewayError(.notResumable, "agent '\(session.agent)' cannot load sessions (no loadSession capability)")
        }
        return session
    }

    /// Stops the session's process and deletes the record.
    /// - Throws: 404.
    func remove(_ id: String) async throws {
        var session = try await get(id)
        try await stopProcess(&session)
        try await store.delete([id])
        await refreshGauge()
    }

    /// Deletes expired sessions (`expired`) and idle or closed ones unused for `olderThan`; never an active one.
    /// - Returns: the ids removed.
    func prune(expired: Bool, olderThan: Double?, now: Date = Date()) async throws -> [String] {
        let ids = try await store.all().filter { s in
            guard s.state != .active, !isBusy(s.id) else { return false }
            if expired && s.state == .expired { return true }
            if let olderThan { return now.timeIntervalSince(s.lastUsedAt) > olderThan }
            return false
        }.map(\.id)
        try await store.delete(ids)
        await refreshGauge()
        return ids
    }

    // MARK: - Housekeeping

    /// Stops processes idle past their agent's `idleTimeout` (not during a turn).
    func stopIdle(now: ContinuousClock.Instant = .now) async {
        for (id, agent) in live where !isBusy(id) {
            let timeout = config.agents[(try? await store.get(id))?.agent ?? ""]?.idleTimeout ?? 600
            guard agent.isBroken || now - agent.connection.lastActivity > .milliseconds(Int64(timeout * 1000)) else { continue }
            guard var session = try? await store.get(id) else { continue }
            try? await stopProcess(&session)
        }
    }

    /// Idle sessions past `expiresAt` become `expired`.
    func expire(now: Date = Date()) async throws {
        let ids = try await store.expireIdle(now: now)
        if !ids.isEmpty {
            logger.info("expired \(ids.count) idle agent session(s)")
            await refreshGauge()
        }
    }

    /// Stops every live process (shutdown); their sessions become `idle`.
    func stopAll() async {
        for id in Array(live.keys) {
            guard var session = try? await store.get(id) else { continue }
            try? await stopProcess(&session)
        }
    }
}
