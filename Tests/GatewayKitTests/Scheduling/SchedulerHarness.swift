import Foundation
import Logging
@testable import GatewayKit

/// A scheduler over a temporary database, a manual clock and a fake runner, with one pipeline `noop`.
struct SchedulerHarness {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    let scheduler: Scheduler
    let clock: ManualSchedulerClock
    let runner: FakeScheduleRunner
    let metrics: GatewayMetrics
    let stateDir: String

    /// A harness; pass `stateDir` and `clock` of an earlier one to test a restart.
    init(pipelineYAML: String = "id: noop\nsteps:\n  - { id: s, kind: set, values: { a: 1 } }\n",
         stateDir: String? = nil, clock: ManualSchedulerClock? = nil) throws {
        let dir = stateDir ?? NSTemporaryDirectory() + "gw-sched-" + UUID().uuidString
        let pipelinesDir = dir + "/pipelines"
        try FileManager.default.createDirectory(atPath: pipelinesDir, withIntermediateDirectories: true)
        try pipelineYAML.write(toFile: pipelinesDir + "/noop.yaml", atomically: true, encoding: .utf8)
        let set = try PipelineSet.load(directory: pipelinesDir, options: .init())
        let database = try GatewayDatabase(stateDir: dir, sync: .normal)
        self.clock = clock ?? ManualSchedulerClock(Self.start)
        runner = FakeScheduleRunner()
        metrics = GatewayMetrics(version: "test")
        self.stateDir = dir
        scheduler = Scheduler(store: ScheduleStore(pool: database.pool, writer: StoreWriter(pool: database.pool)),
                              clock: self.clock, runner: runner.runner, metrics: metrics,
                              logger: Logger(label: "test"), pipelines: { set })
    }

    /// Adds an API schedule on `noop`.
    @discardableResult
    func add(_ id: String, _ fields: [String: JSONValue]) async throws -> ScheduleSnapshot {
        try await scheduler.add(.init(id: id, pipelineId: "noop", fields: fields))
    }

    /// Advances the clock and runs one timer step, then lets started runs report back.
    func tick(_ seconds: TimeInterval) async {
        clock.advance(by: seconds)
        await scheduler.step()
        await settle()
    }

    /// Lets the tasks the scheduler spawned finish their work.
    func settle() async {
        for _ in 0..<50 { await Task.yield() }
        try? await Task.sleep(for: .milliseconds(20))
    }

    /// The schedule's current snapshot.
    func snapshot(_ id: String) async throws -> ScheduleSnapshot { try await scheduler.get(id) }
}
