package import Foundation

/// How the scheduler starts, watches and cancels runs; production wraps the `RunEngine`, tests a fake.
package struct ScheduleRunner: Sendable {
    /// Whether the gateway refuses new runs.
    package var isPaused: @Sendable () -> Bool
    /// Starts a run; returns its id and whether an idempotency key replayed an earlier run.
    package var start: @Sendable (_ pipelineId: String, _ input: JSONValue?, _ trigger: RunTrigger,
                                  _ idempotencyKey: String?) async throws -> (runId: String, replayed: Bool)
    /// Returns once the run has ended.
    package var awaitEnd: @Sendable (_ runId: String) async -> Void
    /// Cancels a run (errors such as "already ended" are ignored).
    package var cancel: @Sendable (_ runId: String, _ actor: String) async -> Void
    /// The run an idempotency key already started on a pipeline within 24 h, if any.
    package var replayedRun: @Sendable (_ pipelineId: String, _ key: String) async -> String?

    package init(isPaused: @escaping @Sendable () -> Bool,
                 start: @escaping @Sendable (String, JSONValue?, RunTrigger, String?) async throws -> (runId: String, replayed: Bool),
                 awaitEnd: @escaping @Sendable (String) async -> Void,
                 cancel: @escaping @Sendable (String, String) async -> Void,
                 replayedRun: @escaping @Sendable (String, String) async -> String?) {
        self.isPaused = isPaused
        self.start = start
        self.awaitEnd = awaitEnd
        self.cancel = cancel
        self.replayedRun = replayedRun
    }
}

extension ScheduleRunner {
    /// A runner over the gateway's engine.
    static func engine(_ runtime: GatewayRuntime) -> ScheduleRunner {
        ScheduleRunner(
            isPaused: { [weak runtime] in runtime?.isPaused ?? true },
            start: { [weak runtime] pipelineId, input, trigger, key in
                guard let runtime else { throw CancellationError() }
                let request = RunEngine.StartRequest(pipelineId: pipelineId, input: input, trigger: trigger, idempotencyKey: key)
                let (record, replayed) = try await runtime.engine.start(request)
                return (record.runId, replayed)
            },
            awaitEnd: { [weak runtime] runId in
                while let engine = runtime?.engine, !Task.isCancelled {
                    guard let record = try? await engine.awaitTerminal(runId, timeout: 3600) else { return }
                    if record.status.isTerminal { return }
                }
            },
            cancel: { [weak runtime] runId, actor in _ = try? await runtime?.engine.cancel(runId, actor: actor) },
            replayedRun: { [weak runtime] pipelineId, key in
                try? await runtime?.runs.idempotentRun(pipelineId: pipelineId, key: key, window: 86_400)?.runId
            })
    }
}
