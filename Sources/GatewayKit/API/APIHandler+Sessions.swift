import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func listSessions(_ input: Operations.ListSessions.Input) async throws -> Operations.ListSessions.Output {
        let sessions = try await runtime.sessions.list()
        let redactor = runtime.settings.redaction.redactor
        return .ok(.init(body: .json(sessions.map { Components.Schemas.Session(record: $0, redactor: redactor) })))
    }

    package func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        let session = try await runtime.sessions.get(input.path.sessionId)
        return .ok(.init(body: .json(.init(record: session, redactor: runtime.settings.redaction.redactor))))
    }

    package func resumeSession(_ input: Operations.ResumeSession.Input) async throws -> Operations.ResumeSession.Output {
        let session = try await runtime.sessions.resume(input.path.sessionId)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "session.resume", target: session.id)
        return .ok(.init(body: .json(.init(record: session, redactor: runtime.settings.redaction.redactor))))
    }

    package func pruneSessions(_ input: Operations.PruneSessions.Input) async throws -> Operations.PruneSessions.Output {
        var request = Components.Schemas.PruneRequest()
        if case .json(let body)? = input.body { request = body }
        var olderThan: Double?
        if let text = request.olderThan {
            guard let seconds = DurationParser.parse(text) else {
                throw GatewayError(.invalidInput, "olderThan: '\(text)' is not a duration (e.g. 12h, 7d)",
                                   details: [["path": "olderThan", "message": "expected a duration"]])
            }
            olderThan = seconds
        }
        let expired = request.expired ?? (olderThan == nil)
        let pruned = try await runtime.sessions.prune(expired: expired, olderThan: olderThan)
        let reason = [expired ? "expired" : nil, request.olderThan.map { "older than \($0)" }].compactMap { $0 }
            .joined(separator: ", ")
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "session.prune",
                                       target: pruned.isEmpty ? "-" : pruned.joined(separator: ","), reason: reason)
        return .ok(.init(body: .json(.init(pruned: pruned))))
    }

    package func removeSession(_ input: Operations.RemoveSession.Input) async throws -> Operations.RemoveSession.Output {
        try await runtime.sessions.remove(input.path.sessionId)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "session.remove", target: input.path.sessionId)
        return .noContent(.init())
    }
}
