import Foundation
import Synchronization
@testable import GatewayKit

/// A clock that moves only when a test advances it; sleepers wake when it passes their deadline.
final class ManualSchedulerClock: SchedulerClock {
    private struct Sleeper {
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [UUID: Sleeper] = [:]
    }

    private let state: Mutex<State>

    init(_ start: Date) { state = Mutex(State(now: start)) }

    func now() -> Date { state.withLock { $0.now } }

    func sleep(until deadline: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { s -> Bool in
                    if s.now >= deadline || Task.isCancelled { return true }
                    s.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has passed.
    func advance(by seconds: TimeInterval) {
        let due = state.withLock { s -> [Sleeper] in
            s.now = s.now.addingTimeInterval(seconds)
            let due = s.sleepers.filter { $0.value.deadline <= s.now }
            for key in due.keys { s.sleepers[key] = nil }
            return Array(due.values)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}

/// A runner that records starts and lets tests end runs when they like.
final class FakeScheduleRunner: Sendable {
    private struct State {
        var paused = false
        var started: [(runId: String, trigger: RunTrigger)] = []
        var ended: Set<String> = []
        var cancelled: [String] = []
        var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
        /// Starts fail with this error (e.g. the engine's 503 `overloaded`).
        var refusal: GatewayError?
        /// Starts hang until `releaseHeldStarts()` (a gateway that cannot keep up).
        var holding = false
        var held: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    var started: [String] { state.withLock { $0.started.map(\.runId) } }
    var cancelled: [String] { state.withLock { $0.cancelled } }
    func setPaused(_ paused: Bool) { state.withLock { $0.paused = paused } }
    func refuseStarts(_ error: GatewayError?) { state.withLock { $0.refusal = error } }
    func holdStarts() { state.withLock { $0.holding = true } }
    var heldStarts: Int { state.withLock { $0.held.count } }
    func releaseHeldStarts() {
        let held = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.holding = false
            defer { s.held = [] }
            return s.held
        }
        for h in held { h.resume() }
    }

    /// Ends a run; its watcher returns.
    func end(_ runId: String) {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.ended.insert(runId)
            return s.waiters.removeValue(forKey: runId) ?? []
        }
        for waiter in waiters { waiter.resume() }
    }

    var runner: ScheduleRunner {
        ScheduleRunner(
            isPaused: { self.state.withLock { $0.paused } },
            start: { _, _, trigger, _ in
                if let refusal = self.state.withLock({ $0.refusal }) { throw refusal }
                await withCheckedContinuation { c in
                    let hold = self.state.withLock { s -> Bool in
                        if s.holding { s.held.append(c) }
                        return s.holding
                    }
                    if !hold { c.resume() }
                }
                let runId = self.state.withLock { s -> String in
                    let id = "run-\(s.started.count + 1)"
                    s.started.append((id, trigger))
                    return id
                }
                return (runId, false)
            },
            awaitEnd: { runId in
                await withCheckedContinuation { continuation in
                    let done = self.state.withLock { s -> Bool in
                        if s.ended.contains(runId) { return true }
                        s.waiters[runId, default: []].append(continuation)
                        return false
                    }
                    if done { continuation.resume() }
                }
            },
            cancel: { runId, _ in
                self.state.withLock { $0.cancelled.append(runId) }
                self.end(runId)
            },
            replayedRun: { _, _ in nil })
    }
}
