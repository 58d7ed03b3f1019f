import OpenAPIRuntime

/// A schedule, from a pipeline file or made over the API (`GET /schedules`).
package typealias ScheduleInfo = Components.Schemas.Schedule
/// The next fire times of a schedule (`{fires: [{at, local, offset, note?}]}`).
package typealias SchedulePreview = Components.Schemas.SchedulePreview
/// What a schedule does when a fire comes while its previous run is still going.
package typealias ScheduleOverlap = Components.Schemas.ScheduleRequest.OverlapPayload
/// Which fires missed while the gateway was down are made up at start.
package typealias ScheduleCatchup = Components.Schemas.ScheduleRequest.CatchupPayload

extension GatewayClient {
    /// `GET /schedules`: every schedule.
    package func schedules() async throws -> [ScheduleInfo] {
        try await call { try await api.listSchedules(.init()).ok.body.json }
    }

    /// `GET /schedules/:id`: one schedule.
    package func schedule(_ scheduleId: String) async throws -> ScheduleInfo {
        try await call { try await api.getSchedule(.init(path: .init(scheduleId: scheduleId))).ok.body.json }
    }

    /// `POST /schedules`: adds a schedule (201); exactly one of `cron`, `every` and `at` should be set.
    /// - Parameters:
    ///   - pipelineId: the pipeline the schedule runs.
    ///   - id: the schedule's id (the gateway picks one when nil).
    ///   - cron: a cron expression (5 fields, optional leading seconds, or `@daily` and friends).
    ///   - every: a duration of at least 1s.
    ///   - at: an RFC 3339 instant; the schedule fires once.
    ///   - timezone: an IANA time zone for `cron`.
    ///   - input: the run input of every fire.
    ///   - jitter: a random delay of up to this duration.
    package func addSchedule(pipelineId: String, id: String? = nil, cron: String? = nil, every: String? = nil,
                             at: String? = nil, timezone: String? = nil, input: JSONValue? = nil,
                             overlap: ScheduleOverlap? = nil, catchup: ScheduleCatchup? = nil,
                             jitter: String? = nil) async throws -> ScheduleInfo {
        let request = Components.Schemas.ScheduleRequest(
            id: id, pipelineId: pipelineId, cron: cron, every: every, at: at, timezone: timezone,
            input: try input.map(OpenAPIValueContainer.init(json:)), overlap: overlap, catchup: catchup, jitter: jitter)
        return try await call { try await api.addSchedule(.init(body: .json(request))).created.body.json }
    }

    /// `DELETE /schedules/:id`: removes a schedule made over the API (204).
    package func removeSchedule(_ scheduleId: String) async throws {
        try await call { _ = try await api.removeSchedule(.init(path: .init(scheduleId: scheduleId))).noContent }
    }

    /// `POST /schedules/:id/pause`: pauses a schedule and returns it.
    package func pauseSchedule(_ scheduleId: String) async throws -> ScheduleInfo {
        try await call { try await api.pauseSchedule(.init(path: .init(scheduleId: scheduleId))).ok.body.json }
    }

    /// `POST /schedules/:id/resume`: resumes a paused schedule and returns it.
    package func resumeSchedule(_ scheduleId: String) async throws -> ScheduleInfo {
        try await call { try await api.resumeSchedule(.init(path: .init(scheduleId: scheduleId))).ok.body.json }
    }

    /// `GET /schedules/:id/preview`: the next `count` fire times (the gateway's default when nil).
    package func previewSchedule(_ scheduleId: String, count: Int? = nil) async throws -> SchedulePreview {
        try await call {
            try await api.previewSchedule(.init(path: .init(scheduleId: scheduleId), query: .init(count: count)))
                .ok.body.json
        }
    }
}
