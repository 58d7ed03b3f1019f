import Foundation

extension Components.Schemas.Session {
    /// The API shape of a session record.
    init(record s: SessionRecord) {
        self.init(id: s.id, agent: s.agent, key: s.key, acpSessionId: s.acpSessionId, state: s.state.rawValue, pid: s.pid,
                  pipelineId: s.pipelineId, lastRunId: s.lastRunId, turns: s.turns, createdAt: Timestamp.format(s.createdAt),
                  lastUsedAt: Timestamp.format(s.lastUsedAt), expiresAt: s.expiresAt.map(Timestamp.format))
    }
}
