package import Foundation
package import Logging
import Synchronization

/// Fires every schedule from one timer (a min-heap keyed by due time), applies overlap, catch-up, jitter and the
/// gateway's pause, and keeps schedules declared in pipeline files in step with reloads (DESIGN §5).
package actor Scheduler {
    /// One schedule with its live state.
    struct Entry {
        var definition: ScheduleDefinition
        var state: ScheduleState
        /// Runs this schedule started that have not ended.
        var running: Set<String> = []
        /// Starts under way (no run id yet).
        var starting = 0
        /// The nominal times of fires queued by `overlap: queue`, oldest first (kept in memory only).
        var queuedFireTimes: [Date] = []
        /// Bumped whenever the schedule is re-armed, so older heap entries are ignored.
        var generation = 0
        /// When the armed fire is due, if any.
        var nextDue: Date?

        var inflight: Int { running.count + starting }
        var snapshot: ScheduleSnapshot {
            ScheduleSnapshot(definition: definition, state: state, inflight: inflight, nextFireAt: nextDue)
        }
    }

    /// The most fires `overlap: queue` keeps waiting; more are dropped.
    static let queueLimit = 100
    /// The most fires of all schedules being started at once (4,096; far above a burst the engine clears in a
    /// second). When the gateway cannot start runs as fast as schedules ask (`overlap: allow`, or very many
    /// schedules), further fires are dropped (counted, `lastOutcome: dropped`) instead of piling up as tasks:
    /// memory and the lateness of the fires that do start stay bounded.
    var startLimit = 4096

    /// Changes `startLimit` (tests).
    package func setStartLimit(_ limit: Int) { startLimit = limit }

    let store: ScheduleStore
    let clock: any SchedulerClock
    let runner: ScheduleRunner
    let metrics: GatewayMetrics
    let logger: Logger
    let pipelines: @Sendable () -> PipelineSet
    let wakeup = SchedulerWakeup()
    /// Bumped by `pipelinesReloaded()` (from any thread); compared with `seenReloads`.
    private let reloads = Mutex(0)
    var seenReloads = 0
    var loaded = false
    var entries: [String: Entry] = [:]
    var heap = FireHeap()
    /// Fires being started, over all schedules (bounded by `startLimit`).
    var startingTotal = 0
    var triggerFires: [String: TriggerFire] = [:]

    init(store: ScheduleStore, clock: any SchedulerClock, runner: ScheduleRunner, metrics: GatewayMetrics,
         logger: Logger, pipelines: @escaping @Sendable () -> PipelineSet) {
        self.store = store
        self.clock = clock
        self.runner = runner
        self.metrics = metrics
        self.logger = logger
        self.pipelines = pipelines
    }

    /// Tells the scheduler the pipeline set changed; it re-reads the declared schedules before its next step.
    nonisolated func pipelinesReloaded() {
        reloads.withLock { $0 += 1 }
        wakeup.signal()
    }

    /// Loads the stored schedules (making up missed fires) the first time, and follows pipeline reloads.
    func refresh() throws {
        let reloadCount = reloads.withLock { $0 }
        if !loaded {
            try load()
            loaded = true
            seenReloads = reloadCount
        } else if reloadCount != seenReloads {
            seenReloads = reloadCount
            syncPipelines(pipelines(), now: clock.now())
        }
    }

    // MARK: - Reading

    /// Every schedule, by id.
    package func list() throws -> [ScheduleSnapshot] {
        try refresh()
        return entries.values.sorted { $0.definition.id < $1.definition.id }.map(\.snapshot)
    }

    /// One schedule.
    /// - Throws: `GatewayError` 404.
    package func get(_ id: String) throws -> ScheduleSnapshot {
        try refresh()
        return try entry(id).snapshot
    }

    /// The next `count` fires of a schedule (jitter included), with local time, offset and DST notes.
    package func preview(_ id: String, count: Int) throws -> [(fire: Fire, zone: TimeZone)] {
        try refresh()
        let definition = try entry(id).definition
        return definition.fires(after: clock.now(), count: count).map { fire in
            var shifted = fire
            shifted.at = fire.at.addingTimeInterval(definition.jitterDelay(for: fire.at))
            return (shifted, definition.timezone)
        }
    }

    func entry(_ id: String) throws -> Entry {
        guard let entry = entries[id] else { throw GatewayError.notFound("schedule '\(id)'") }
        return entry
    }
}

extension Scheduler {
    /// The gateway's scheduler: wall clock, the engine as runner, state in the gateway database.
    static func make(runtime: GatewayRuntime) -> Scheduler {
        let catalog = runtime.catalog
        return Scheduler(store: ScheduleStore(pool: runtime.database.pool, writer: runtime.runs.writer),
                         clock: SystemSchedulerClock(), runner: .engine(runtime), metrics: runtime.metrics,
                         logger: runtime.logger, pipelines: { catalog.set })
    }
}
