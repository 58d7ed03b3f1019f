import Foundation
import OpenAPIRuntime

/// The audit log.
extension APIHandler {
    package func listAudit(_ input: Operations.ListAudit.Input) async throws -> Operations.ListAudit.Output {
        let q = input.query
        let limit = try QueryBounds.check(q.limit, "limit", in: 1...1000, default: 100)
        let after = try q.cursor.map { text -> Int in
            guard let seq = Int(text) else { throw GatewayError(.badRequest, "invalid cursor '\(text)'") }
            return seq
        }
        let entries = try await runtime.audit.list(.init(runId: q.runId, actor: q.actor, action: q.action,
                                                         since: try q.since.map(Self.time), until: try q.until.map(Self.time),
                                                         limit: limit + 1, after: after))
        let page = Array(entries.prefix(limit))
        let next = entries.count > limit ? page.last.map { String($0.seq) } : nil
        return .ok(.init(body: .json(.init(entries: page.map(Components.Schemas.AuditEntry.init(entry:)), nextCursor: try .init(nullable: next)))))
    }

    package func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        let result = try await runtime.audit.verify()
        return .ok(.init(body: .json(.init(ok: result.ok, entries: result.entries, brokenAt: result.brokenAt))))
    }

    static func time(_ text: String) throws -> Date {
        guard let date = Timestamp.parse(text) else { throw GatewayError(.badRequest, "'\(text)' is not an RFC 3339 time") }
        return date
    }
}

extension Components.Schemas.AuditEntry {
    init(entry e: AuditEntry) {
        self.init(seq: e.seq, at: Timestamp.format(e.at), actor: e.actor, action: e.action, target: e.target, reason: e.reason,
                  hash: e.hash, prevHash: e.prevHash)
    }
}
