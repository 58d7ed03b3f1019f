import Foundation

/// A durable ACP session (DESIGN §6): which agent, the key that reuses it, the agent's own session id,
/// whether a process is live, and its use.
struct SessionRecord: Sendable, Hashable {
    /// States of a session.
    enum State: String, Sendable, CaseIterable {
        /// The agent process is live.
        case active
        /// No process; `resume` (or the next turn) restarts it and loads the session.
        case idle
        /// Idle past `sessions.expireAfter`; not reused.
        case expired
        /// No process and the agent cannot load sessions: not resumable, not reused.
        case closed
    }

    /// The gateway's id (`s…`), also the step output's `sessionId`.
    var id: String
    var agent: String
    /// The step's `session` key; nil for a one-off session.
    var key: String?
    /// The agent's session id (from `session/new`).
    var acpSessionId: String?
    var state: State
    var pid: Int?
    var pipelineId: String?
    var lastRunId: String?
    var turns: Int
    var createdAt: Date
    var lastUsedAt: Date
    var expiresAt: Date?
    /// The session's working directory, which confines the agent's file access.
    var cwd: String

    /// A new idle session that has had no turn yet.
    static func make(agent: String, key: String?, cwd: String?, stateDir: String, expireAfter: Double, now: Date = Date())
        -> SessionRecord {
        let id = "s" + RunID.make(now: now).dropFirst()
        let dir = cwd ?? (stateDir as NSString).appendingPathComponent("sessions/\(id)")
        return SessionRecord(id: id, agent: agent, key: key, acpSessionId: nil, state: .idle, pid: nil, pipelineId: nil,
                             lastRunId: nil, turns: 0, createdAt: now, lastUsedAt: now,
                             expiresAt: now.addingTimeInterval(expireAfter), cwd: dir)
    }

    /// Marks a use now: `lastUsedAt` and `expiresAt` move on.
    mutating func touch(expireAfter: Double, now: Date = Date()) {
        lastUsedAt = now
        expiresAt = now.addingTimeInterval(expireAfter)
    }
}
