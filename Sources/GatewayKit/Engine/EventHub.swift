import Foundation
import Synchronization

/// Fan-out of committed events to live subscribers (SSE streams, `?wait=` callers), per run.
final class EventHub: Sendable {
    /// The gateway-wide feed of run status changes and approval events (the console's `GET /events`).
    let feed = GatewayFeed()
    private let subscribers = Mutex<[String: [UUID: AsyncStream<RunEvent>.Continuation]]>([:])

    /// A stream of the run's events committed from now on; it ends after the run's terminal event.
    func subscribe(_ runId: String) -> AsyncStream<RunEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<RunEvent>.makeStream()
        subscribers.withLock { $0[runId, default: [:]][id] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { subs in
                subs[runId]?[id] = nil
                if subs[runId]?.isEmpty == true { subs[runId] = nil }
            }
        }
        return stream
    }

    /// Delivers committed events (in seq order) to the run's subscribers, and the run's status changes and
    /// approval events to the gateway-wide feed (`status`: the run's status once these events are committed).
    func publish(_ events: [RunEvent], pipelineId: String? = nil, status: RunStatus? = nil) {
        guard let runId = events.first?.runId else { return }
        if let pipelineId, let status { feed.publish(events, pipelineId: pipelineId, status: status) }
        let targets = subscribers.withLock { Array(($0[runId] ?? [:]).values) }
        let terminal = events.contains { RunEvent.terminalTypes.contains($0.type) }
        for continuation in targets {
            for event in events { continuation.yield(event) }
            if terminal { continuation.finish() }
        }
    }
}

extension RunEvent {
    /// Event types that end a run.
    static let terminalTypes: Set<String> = ["run.completed", "run.failed", "run.cancelled"]
}
