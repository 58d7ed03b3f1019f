package import Foundation

/// What happened to a schedule so far: counters, the last fire and its outcome (DESIGN §5).
package struct ScheduleState: Sendable, Hashable {
    package var paused = false
    package var fired = 0
    package var queued = 0
    package var dropped = 0
    package var lastFiredAt: Date?
    /// The run the last fire started.
    package var lastRunId: String?
    /// The planned time of the last fire the scheduler handled (started or skipped); catch-up starts after it.
    package var lastPlannedAt: Date?
    /// `started`, `skipped_paused`, `skipped_overlap`, `queued`, `dropped` or `failed`.
    package var lastOutcome: String?
    package var lastError: String?
    package var lastErrorAt: Date?

    package init() {}
}

/// A schedule as the API shows it: its definition, state, live counters and next fire.
package struct ScheduleSnapshot: Sendable {
    package var definition: ScheduleDefinition
    package var state: ScheduleState
    package var inflight: Int
    package var nextFireAt: Date?
}
