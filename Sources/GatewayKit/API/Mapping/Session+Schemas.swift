import Foundation

extension Components.Schemas.Session {
    /// The API shape of a session record. The key is an evaluated expression that may hold a secret: the store
    /// keeps it as given (sessions are found by it), so it is masked here, on the only way out.
    init(record s: SessionRecord, redactor: Redactor) {
        self.init(id: s.id, agent: s.agent, key: s.key.map { redactor.redact($0) }, acpSessionId: s.acpSessionId, state: s.state.rawValue, pid: s.pid,
                  pipelineId: s.pipelineId, lastRunId: s.lastRunId, turns: s.turns, createdAt: Timestamp.format(s.createdAt),
                  lastUsedAt: Timestamp.format(s.lastUsedAt), expiresAt: s.expiresAt.map(Timestamp.format))
    }
}
