import Foundation
import Synchronization

/// The gateway-wide stream behind the console's `GET /events`: every run's status changes and approval
/// events (fed by `EventHub` after their commit), and the number of pending approvals whenever it changes.
///
/// Each subscriber has a bounded buffer (`bufferLimit` items). A subscriber that falls that far behind is
/// disconnected rather than silently skipped: its `EventSource` reconnects and the page reloads what it shows,
/// whereas a dropped status change would leave a stale row on screen.
final class GatewayFeed: Sendable {
    /// One thing to tell subscribers.
    enum Item: Sendable, Equatable {
        /// A run status change or approval event: its SSE event type and JSON data.
        case change(type: String, data: JSONValue)
        /// The number of pending approvals.
        case approvals(Int)
    }

    static let bufferLimit = 1024

    /// The run status each run-level event means.
    static let statusOf: [String: RunStatus] = [
        "run.queued": .queued, "run.started": .running, "run.waiting": .waiting, "run.resumed": .running,
        "run.completed": .completed, "run.failed": .failed, "run.cancelled": .cancelled,
    ]
    static let approvalTypes: Set<String> = ["approval.requested", "approval.approved", "approval.denied"]
    /// Events after which the pending count may differ: a gate opened or decided, or a run ended (a cancelled
    /// or failed run may have been waiting on a gate).
    static let recountTypes = approvalTypes.union(["run.completed", "run.failed", "run.cancelled"])

    private struct State {
        var subscribers: [UUID: AsyncStream<Item>.Continuation] = [:]
        var pending: Int?
        var recounting = false
        var recountAgain = false
        var counter: (@Sendable () async throws -> Int)?
    }

    private let state = Mutex(State())

    /// Sets how the pending approvals are counted (the runtime wires it to the run store).
    func setCounter(_ counter: @escaping @Sendable () async throws -> Int) {
        state.withLock { $0.counter = counter }
    }

    /// Subscribers connected now.
    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// A stream of what happens from now on, starting with the current pending approvals count. It ends only
    /// when the subscriber cancels it or falls `bufferLimit` items behind.
    func subscribe() async -> AsyncStream<Item> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Item>.makeStream(bufferingPolicy: .bufferingOldest(Self.bufferLimit))
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        let counter = state.withLock { state in
            state.subscribers[id] = continuation
            return state.counter
        }
        if let counter, let count = try? await counter() {
            let others = state.withLock { state -> [UUID: AsyncStream<Item>.Continuation] in
                guard state.pending != count else { return [:] }
                state.pending = count
                return state.subscribers.filter { $0.key != id }
            }
            deliver(.approvals(count), to: others)
            deliver(.approvals(count), to: [id: continuation])
        }
        return stream
    }

    /// Forwards the status changes and approval events among `events` (one run's, committed, in seq order).
    func publish(_ events: [RunEvent], pipelineId: String, status: RunStatus) {
        let relevant = events.filter { Self.statusOf[$0.type] != nil || Self.approvalTypes.contains($0.type) }
        guard !relevant.isEmpty else { return }
        let targets = state.withLock { $0.subscribers }
        guard !targets.isEmpty else { return }
        for event in relevant {
            var data: [String: JSONValue] = [
                "runId": .string(event.runId), "pipelineId": .string(pipelineId), "type": .string(event.type),
                "status": .string((Self.statusOf[event.type] ?? status).rawValue), "at": .string(Timestamp.format(event.at)),
            ]
            if let stepId = event.stepId { data["stepId"] = .string(stepId) }
            deliver(.change(type: event.type, data: .object(data)), to: targets)
        }
        if relevant.contains(where: { Self.recountTypes.contains($0.type) }) { recount() }
    }

    /// Counts the pending approvals again (one count at a time; changes during a count cause one more) and
    /// tells every subscriber when the number changed.
    private func recount() {
        let counter: (@Sendable () async throws -> Int)? = state.withLock { state in
            guard !state.recounting else {
                state.recountAgain = true
                return nil
            }
            guard let counter = state.counter else { return nil }
            state.recounting = true
            return counter
        }
        guard let counter else { return }
        Task {
            while true {
                let count = try? await counter()
                let (targets, again) = state.withLock { state -> ([UUID: AsyncStream<Item>.Continuation], Bool) in
                    var targets: [UUID: AsyncStream<Item>.Continuation] = [:]
                    if let count, count != state.pending {
                        state.pending = count
                        targets = state.subscribers
                    }
                    let again = state.recountAgain
                    state.recountAgain = false
                    if !again { state.recounting = false }
                    return (targets, again)
                }
                if let count { deliver(.approvals(count), to: targets) }
                if !again { return }
            }
        }
    }

    /// Yields `item` to each target; a target whose buffer is full is disconnected.
    private func deliver(_ item: Item, to targets: [UUID: AsyncStream<Item>.Continuation]) {
        for (_, continuation) in targets {
            if case .dropped = continuation.yield(item) { continuation.finish() }
        }
    }
}
