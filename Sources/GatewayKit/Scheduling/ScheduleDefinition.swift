package import Foundation

/// What a schedule is: when it fires, in which zone, with which input, and its overlap, catch-up and
/// jitter policies (DESIGN §5). A pure value; its fields as written are kept in `fields` for storage.
package struct ScheduleDefinition: Sendable {
    /// When a schedule fires.
    package enum When: Sendable {
        case cron(CronExpression)
        case every(EverySchedule)
        case at(Date)
    }

    /// What a fire does while the schedule's previous run is still going.
    package enum Overlap: String, Sendable, CaseIterable {
        case skip, queue, cancel, allow
    }

    /// Which fires missed while the gateway was down are made up at start.
    package enum Catchup: String, Sendable, CaseIterable {
        case none, latest, all
    }

    /// How far back catch-up looks.
    package static let catchupWindow: TimeInterval = 24 * 3600
    /// The most fires `catchup: all` makes up at one start.
    package static let catchupLimit = 1000

    package var id: String
    package var pipelineId: String
    /// `api` or `pipeline`.
    package var source: String
    package var when: When
    package var timezone: TimeZone
    package var input: JSONValue?
    package var overlap: Overlap
    package var catchup: Catchup
    /// The largest delay added to a fire, in seconds (0: none).
    package var jitter: TimeInterval
    /// When the schedule was first seen; the phase of an `every` schedule.
    package var createdAt: Date
    /// The fields as written (`cron`, `every`, `at`, `timezone`, `input`, `overlap`, `catchup`, `jitter`).
    package var fields: [String: JSONValue]

    /// The text of a field as written, if it is a string.
    package func text(_ key: String) -> String? { fields[key]?.stringValue }

    /// Whether two definitions describe the same schedule (used when pipelines are reloaded).
    package func sameFields(as other: ScheduleDefinition) -> Bool {
        pipelineId == other.pipelineId && fields == other.fields
    }
}
