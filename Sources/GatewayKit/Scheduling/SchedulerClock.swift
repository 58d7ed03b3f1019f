package import Foundation

/// The time source of the scheduler: tests pass a manual clock so firing logic never waits on real time.
package protocol SchedulerClock: Sendable {
    /// The current instant.
    func now() -> Date
    /// Returns at `deadline` or later; throws `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Date) async throws
}

/// The wall clock, slept on with `ContinuousClock` (re-read after every sleep, so clock steps are noticed).
package struct SystemSchedulerClock: SchedulerClock {
    package init() {}

    package func now() -> Date { Date() }

    package func sleep(until deadline: Date) async throws {
        let delay = deadline.timeIntervalSinceNow
        guard delay > 0 else { return }
        try await Task.sleep(for: .nanoseconds(Int64(delay * 1_000_000_000)), tolerance: .microseconds(200))
    }
}
