import Foundation
import GatewayKit

/// The progress of a run the CLI waits for (`gw pipelines run`): one plain line per step event on stderr
/// (`step build started`), and on a terminal the follower's status line below them. Stdout stays the result.
struct RunProgress {
    let ctx: CLIContext

    /// Follows `runId` until it ends or `seconds` have passed; returns the run as it is then.
    func follow(_ runId: String, upTo seconds: Double) async throws -> RunInfo {
        let follower = ctx.follower
        let ended: RunInfo? = try await withThrowingTaskGroup(of: RunInfo?.self) { group in
            group.addTask {
                try await follower.follow(runId) { event in
                    if let line = Self.line(event) { StandardStreams.writeError(line) }
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let ended { return ended }
        if follower.showsProgress { StandardStreams.writeError("\r\u{1B}[K", terminator: "") }
        return try await ctx.client.run(runId)
    }

    /// `step build started`, `step build failed: exit status 3`, `waiting on approval ship`; nil for other events
    /// (text deltas and log lines are the step's own output, not progress).
    static func line(_ event: JSONValue) -> String? {
        guard let type = event["type"]?.stringValue else { return nil }
        let step = event["stepId"]?.stringValue ?? "-"
        let data = event["data"]
        switch type {
        case "step.delta", "step.log":
            return nil
        case "run.waiting":
            let on = data?["waitingOn"]
            return "waiting on \(on?["kind"]?.stringValue ?? "?") \(on?["stepId"]?.stringValue ?? step)"
        case _ where type.hasPrefix("step."):
            var line = "step \(step) \(type.dropFirst("step.".count))"
            if let message = data?["error"]?["message"]?.stringValue { line += ": \(message)" }
            if let attempt = data?["attempt"]?.numberValue, attempt > 1 { line += " (attempt \(Int(attempt)))" }
            return line
        default:
            return nil
        }
    }
}
