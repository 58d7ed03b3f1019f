import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func listRuns(_ input: Operations.ListRuns.Input) async throws -> Operations.ListRuns.Output {
        let limit = try QueryBounds.check(input.query.limit, "limit", in: 1...1000, default: 50)
        if let status = input.query.status, RunStatus(rawValue: status) == nil {
            throw GatewayError(.badRequest, "unknown status '\(status)' (queued, running, waiting, completed, failed, cancelled)")
        }
        if input.query.cursor?.isEmpty == true { throw GatewayError(.badRequest, "cursor must be a previous page's nextCursor, not empty") }
        let records = try await runtime.runs.runs(pipelineId: input.query.pipelineId, status: input.query.status,
                                                  limit: limit + 1, cursor: input.query.cursor)
        let page = Array(records.prefix(limit))
        let next = records.count > limit ? page.last?.runId : nil
        return .ok(.init(body: .json(.init(runs: try page.map(Components.Schemas.Run.init(record:)), nextCursor: try .init(nullable: next)))))
    }

    package func getRun(_ input: Operations.GetRun.Input) async throws -> Operations.GetRun.Output {
        guard let record = try await runtime.runs.run(input.path.runId) else { throw GatewayError.notFound("run '\(input.path.runId)'") }
        return .ok(.init(body: .json(try .init(record: record))))
    }

    package func cancelRun(_ input: Operations.CancelRun.Input) async throws -> Operations.CancelRun.Output {
        let record = try await runtime.engine.cancel(input.path.runId, actor: RequestIdentity.actor)
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "run.cancel", target: input.path.runId, runId: input.path.runId,
                                       reason: input.query.reason)
        return .ok(.init(body: .json(try .init(record: record))))
    }
}
