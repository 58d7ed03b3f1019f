import OpenAPIRuntime

/// A page of the hash-chained audit log (`{entries, nextCursor}`).
package typealias AuditList = Components.Schemas.AuditList
/// The verdict on the audit log's hash chain (`{ok, entries?, brokenAt?}`).
package typealias AuditVerification = Components.Schemas.AuditVerification

extension GatewayClient {
    /// `GET /audit`: a page of the audit log.
    /// - Parameters:
    ///   - runId: only entries about this run.
    ///   - actor: only entries by this token name.
    ///   - action: only entries of this action (`approve`, `schedule.add`, …).
    ///   - since: only entries at or after this RFC 3339 instant.
    ///   - until: only entries before this RFC 3339 instant.
    ///   - limit: at most this many entries (1…1000).
    ///   - cursor: the `nextCursor` of the previous page.
    package func audit(runId: String? = nil, actor: String? = nil, action: String? = nil, since: String? = nil,
                       until: String? = nil, limit: Int? = nil, cursor: String? = nil) async throws -> AuditList {
        let query = Operations.ListAudit.Input.Query(
            runId: runId, actor: actor, action: action, since: since, until: until, limit: limit, cursor: cursor)
        return try await call { try await api.listAudit(.init(query: query)).ok.body.json }
    }

    /// `GET /audit/verify`: checks the hash chain of the audit log.
    package func verifyAudit() async throws -> AuditVerification {
        try await call { try await api.verifyAudit(.init()).ok.body.json }
    }
}
