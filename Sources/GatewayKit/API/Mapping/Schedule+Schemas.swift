import Foundation
import OpenAPIRuntime

extension Components.Schemas.Schedule {
    /// The API shape of a schedule.
    init(snapshot s: ScheduleSnapshot) throws {
        let d = s.definition
        self.init(
            id: d.id, pipelineId: d.pipelineId, source: d.source, cron: d.text("cron"), every: d.text("every"),
            at: d.text("at"), timezone: d.text("timezone") ?? "UTC", input: try OpenAPIValueContainer(json: d.input ?? .null),
            overlap: d.overlap.rawValue, catchup: d.catchup.rawValue, jitter: d.text("jitter") ?? "0s",
            paused: s.state.paused, fired: s.state.fired, inflight: s.inflight, queued: s.state.queued,
            dropped: s.state.dropped, lastFiredAt: try .init(nullable: s.state.lastFiredAt),
            nextFireAt: s.nextFireAt.map(Timestamp.format), lastOutcome: try .init(nullable: s.state.lastOutcome),
            lastRunId: try .init(nullable: s.state.lastRunId), lastError: try .init(nullable: s.state.lastError),
            lastErrorAt: try .init(nullable: s.state.lastErrorAt))
    }
}

extension Components.Schemas.ScheduleRequest {
    /// The schedule fields of the request, as a pipeline file would write them.
    var fields: [String: JSONValue] {
        get throws {
            var fields: [String: JSONValue] = [:]
            let texts = [("cron", cron), ("every", every), ("at", at), ("timezone", timezone), ("jitter", jitter),
                         ("overlap", overlap?.rawValue), ("catchup", catchup?.rawValue)]
            for (key, value) in texts { if let value { fields[key] = .string(value) } }
            if let input { fields["input"] = try input.json }
            return fields
        }
    }
}

extension Components.Schemas.SchedulePreview {
    /// The API shape of a preview: UTC instant, wall time, offset and DST note of each fire.
    init(fires: [(fire: Fire, zone: TimeZone)]) {
        self.init(fires: fires.map { item in
            .init(at: Timestamp.format(item.fire.at), local: CronExpression.localString(item.fire.at, in: item.zone),
                  offset: CronExpression.offsetString(item.fire.at, in: item.zone), note: item.fire.note)
        })
    }
}

extension Components.Schemas.Trigger {
    /// The API shape of a trigger (no secrets).
    init(view v: Scheduler.TriggerView) throws {
        self.init(id: v.id, pipelineId: v.pipelineId, kind: v.kind, cron: v.fields["cron"], every: v.fields["every"],
                  at: v.fields["at"], timezone: v.fields["timezone"], path: v.fields["path"],
                  signature: v.fields["signature"], source: v.source, lastFiredAt: try .init(nullable: v.lastFiredAt),
                  lastRunId: try .init(nullable: v.lastRunId))
    }
}
