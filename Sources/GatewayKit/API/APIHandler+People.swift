import Foundation
import OpenAPIRuntime

/// Resume, approve, deny and the list of pending approvals.
extension APIHandler {
    package func resumeRun(_ input: Operations.ResumeRun.Input) async throws -> Operations.ResumeRun.Output {
        let body: Components.Schemas.ResumeRequest? = if case .json(let b)? = input.body { b } else { nil }
        let output = try body?.output.map { try $0.json } ?? .null
        let record = try await runtime.engine.resume(input.path.runId, stepId: body?.stepId, output: output, actor: RequestIdentity.actor)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "run.resume", target: input.path.runId,
                                       runId: input.path.runId, reason: body?.reason)
        return .ok(.init(body: .json(try .init(record: record))))
    }

    package func approveRun(_ input: Operations.ApproveRun.Input) async throws -> Operations.ApproveRun.Output {
        .ok(.init(body: .json(try await decide(input.path.runId, body: { if case .json(let b)? = input.body { b } else { nil } }(), approve: true))))
    }

    package func denyRun(_ input: Operations.DenyRun.Input) async throws -> Operations.DenyRun.Output {
        .ok(.init(body: .json(try await decide(input.path.runId, body: { if case .json(let b)? = input.body { b } else { nil } }(), approve: false))))
    }

    private func decide(_ runId: String, body: Components.Schemas.DecisionRequest?, approve: Bool) async throws -> Components.Schemas.Run {
        let request = body
        let record = try await runtime.engine.decide(runId, stepId: request?.stepId, approve: approve,
                                                     actor: RequestIdentity.actor, reason: request?.reason)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: approve ? "run.approve" : "run.deny", target: runId,
                                       runId: runId, reason: request?.reason)
        return try .init(record: record)
    }

    package func listApprovals(_ input: Operations.ListApprovals.Input) async throws -> Operations.ListApprovals.Output {
        let pending = try await runtime.engine.waiting(kind: "approval")
        return .ok(.init(body: .json(pending.map { runId, pipelineId, entry in
            Components.Schemas.Approval(runId: runId, pipelineId: pipelineId, stepId: entry.stepId,
                                        message: entry.message ?? "", approvers: entry.approvers ?? [],
                                        requestedAt: Timestamp.format(entry.since), expiresAt: entry.expiresAt.map(Timestamp.format))
        })))
    }
}
