import Foundation

extension AgentSessions {
    /// What an `agent` step asks for.
    struct TurnRequest: Sendable {
        var agent: String
        var prompt: String
        /// The `session` key; nil for a one-off session.
        var key: String?
        /// The step's `cwd`, when given.
        var cwd: String?
        var runId: String
        var pipelineId: String
    }

    /// Runs one prompt turn: finds (by key) or creates the session, makes sure its agent runs, prompts it
    /// and records the turn. Output `{text, stopReason, sessionId}`.
    /// - Throws: `GatewayError`, `ACPError`, `CancellationError`.
    func turn(_ request: TurnRequest, hooks: TurnHooks) async throws -> JSONValue {
        var session = try await open(request)
        await acquire(session.id)
        do {
            session = try await store.get(session.id) ?? session
            let result = try await prompt(&session, request: request, hooks: hooks)
            release(session.id)
            return result
        } catch {
            if let agent = live[session.id], agent.isBroken { try? await stopProcess(&session) }
            release(session.id)
            throw error
        }
    }

    private func prompt(_ session: inout SessionRecord, request: TurnRequest, hooks: TurnHooks) async throws -> JSONValue {
        let agent = try await ensureLive(&session)
        guard let acpId = session.acpSessionId else { throw ACPError.badOutput("no ACP session id") }
        let turn = AgentTurn(agent: agent, acpSessionId: acpId, files: SessionFiles(cwd: session.cwd), hooks: hooks)
        let (text, stopReason) = try await turn.run(prompt: request.prompt)
        session.turns += 1
        session.lastRunId = request.runId
        session.pipelineId = request.pipelineId
        session.touch(expireAfter: config.sessionsExpireAfter)
        try await store.save(session)
        return ["text": .string(text), "stopReason": .string(stopReason), "sessionId": .string(session.id)]
    }

    /// The reusable session of the key, or a new one (saved `idle` until its process starts).
    private func open(_ request: TurnRequest) async throws -> SessionRecord {
        guard let key = request.key else { return try await create(request) }
        let lock = "key:\(request.agent):\(key)"
        await acquire(lock)
        defer { release(lock) }
        if let found = try await store.reusable(agent: request.agent, key: key) { return found }
        return try await create(request)
    }

    private func create(_ request: TurnRequest) async throws -> SessionRecord {
        let cwd = request.cwd ?? config.agents[request.agent]?.cwd
        let session = SessionRecord.make(agent: request.agent, key: request.key, cwd: cwd, stateDir: config.stateDir,
                                         expireAfter: config.sessionsExpireAfter)
        try await store.save(session)
        return session
    }
}
