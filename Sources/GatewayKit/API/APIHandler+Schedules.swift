import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func listSchedules(_ input: Operations.ListSchedules.Input) async throws -> Operations.ListSchedules.Output {
        let schedules = try await runtime.scheduler.list()
        return .ok(.init(body: .json(try schedules.map(Components.Schemas.Schedule.init(snapshot:)))))
    }

    package func addSchedule(_ input: Operations.AddSchedule.Input) async throws -> Operations.AddSchedule.Output {
        guard case .json(let body) = input.body else { throw GatewayError(.badRequest, "expected a JSON body") }
        let request = Scheduler.AddRequest(id: body.id, pipelineId: body.pipelineId, fields: try body.fields)
        let schedule = try await runtime.scheduler.add(request)
        let created = try Components.Schemas.Schedule(snapshot: schedule)
        try await audit("schedule.add", created.id)
        return .created(.init(body: .json(created)))
    }

    package func getSchedule(_ input: Operations.GetSchedule.Input) async throws -> Operations.GetSchedule.Output {
        let schedule = try await runtime.scheduler.get(input.path.scheduleId)
        return .ok(.init(body: .json(try .init(snapshot: schedule))))
    }

    package func removeSchedule(_ input: Operations.RemoveSchedule.Input) async throws -> Operations.RemoveSchedule.Output {
        try await runtime.scheduler.remove(input.path.scheduleId)
        try await audit("schedule.remove", input.path.scheduleId)
        return .noContent(.init())
    }

    package func pauseSchedule(_ input: Operations.PauseSchedule.Input) async throws -> Operations.PauseSchedule.Output {
        let schedule = try await runtime.scheduler.setPaused(input.path.scheduleId, true)
        try await audit("schedule.pause", input.path.scheduleId)
        return .ok(.init(body: .json(try .init(snapshot: schedule))))
    }

    package func resumeSchedule(_ input: Operations.ResumeSchedule.Input) async throws -> Operations.ResumeSchedule.Output {
        let schedule = try await runtime.scheduler.setPaused(input.path.scheduleId, false)
        try await audit("schedule.resume", input.path.scheduleId)
        return .ok(.init(body: .json(try .init(snapshot: schedule))))
    }

    package func previewSchedule(_ input: Operations.PreviewSchedule.Input) async throws -> Operations.PreviewSchedule.Output {
        let count = input.query.count ?? 10
        guard (1...1000).contains(count) else { throw GatewayError(.badRequest, "count must be between 1 and 1000") }
        let fires = try await runtime.scheduler.preview(input.path.scheduleId, count: count)
        return .ok(.init(body: .json(.init(fires: fires))))
    }

    /// Appends a schedule change to the audit log.
    private func audit(_ action: String, _ scheduleId: String) async throws {
        try await runtime.audit.record(actor: RequestIdentity.actor, action: action, target: "schedule/\(scheduleId)")
    }
}
