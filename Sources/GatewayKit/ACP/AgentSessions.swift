import Foundation
import Logging

/// The gateway's ACP sessions: their durable records and the live agent processes serving them.
/// One turn at a time per session; a process idle past its agent's `idleTimeout` is stopped.
actor AgentSessions {
    let settings: LiveSettings
    var config: GatewayConfig { settings.config }
    let store: SessionStore
    let metrics: GatewayMetrics
    let logger: Logger
    /// The environment agents inherit `PATH`, `HOME`, `LANG` and `TMPDIR` from.
    let environment: [String: String]
    /// Live processes by session id.
    var live: [String: LiveAgent] = [:]
    /// Sessions in a turn (or being resumed), with who waits for them.
    private var busy: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(settings: LiveSettings, store: SessionStore, metrics: GatewayMetrics, logger: Logger,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        self.store = store
        self.metrics = metrics
        self.logger = logger
        self.environment = environment
    }

    // MARK: - Per-session exclusion

    /// Waits until no one else uses session `id`, then holds it until `release`.
    func acquire(_ id: String) async {
        guard busy[id] != nil else {
            busy[id] = []
            return
        }
        await withCheckedContinuation { busy[id, default: []].append($0) }
    }

    /// Hands session `id` to the next waiter, or frees it.
    func release(_ id: String) {
        guard var waiters = busy[id], !waiters.isEmpty else {
            busy[id] = nil
            return
        }
        let next = waiters.removeFirst()
        busy[id] = waiters
        next.resume()
    }

    /// Whether session `id` is in a turn.
    func isBusy(_ id: String) -> Bool { busy[id] != nil }

    // MARK: - Processes

    /// The live agent of `session`, starting it (and `session/new` or `session/load`) when there is none.
    /// Saves the record as `active` with the pid.
    func ensureLive(_ session: inout SessionRecord) async throws -> LiveAgent {
        if let agent = live[session.id], !agent.isBroken { return agent }
        if let stale = live.removeValue(forKey: session.id) { await stale.stop() }
        guard let definition = config.agents[session.agent] else {
            throw GatewayError(.notResumable, "agent '\(session.agent)' is no longer configured")
        }
        try FileManager.default.createDirectory(atPath: session.cwd, withIntermediateDirectories: true)
        let agent = try await LiveAgent.start(definition, cwd: session.cwd, environment: environment)
        do {
            if let acpId = session.acpSessionId, agent.canLoadSession {
                try await agent.loadSession(acpId, cwd: session.cwd)
            } else {
                session.acpSessionId = try await agent.newSession(cwd: session.cwd)
            }
        } catch {
            await agent.stop()
            throw error
        }
        live[session.id] = agent
        session.state = .active
        session.pid = agent.pid
        try await store.save(session)
        await refreshGauge()
        return agent
    }

    /// Stops the process of `session` (if live) and records it `idle`, or `closed` when the agent cannot load
    /// sessions (a later turn could not continue it).
    func stopProcess(_ session: inout SessionRecord) async throws {
        let agent = live.removeValue(forKey: session.id)
        await agent?.stop()
        guard session.state == .active else { return }
        session.state = (agent?.canLoadSession ?? true) ? .idle : .closed
        session.pid = nil
        try await store.save(session)
        await refreshGauge()
    }

    /// Sets `gw_sessions{state}` from the store.
    func refreshGauge() async {
        guard let counts = try? await store.counts() else { return }
        for state in SessionRecord.State.allCases {
            metrics.sessions(state: state.rawValue).set(to: Double(counts[state.rawValue] ?? 0))
        }
    }
}
