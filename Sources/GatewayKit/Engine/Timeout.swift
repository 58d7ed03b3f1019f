/// A step or run ran past its `timeout`.
struct TimeoutExpired: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "timed out after \(DurationParser.format(seconds))" }
}

/// Longest timeout honoured (`DurationParser.longest`, 100 years); a longer one (or an infinite one) means no
/// limit, since converting it to the clock's integer milliseconds would overflow and trap.
let longestTimeout: Double = DurationParser.longest

/// Runs `body`, cancelling it and throwing `TimeoutExpired` after `seconds` (nil or beyond `longestTimeout`: no limit).
func withTimeout<T: Sendable>(_ seconds: Double?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    guard let seconds, seconds.isFinite, seconds < longestTimeout else { return try await body() }
    return try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
            throw TimeoutExpired(seconds: seconds)
        }
        defer { group.cancelAll() }
        guard let result = try await group.next() else { throw CancellationError() }
        return result
    }
}

/// A step failed (after its retries); carries what the run records.
struct StepFailure: Error {
    let failure: RunFailure
}
