import GatewayKit

/// How a run's status becomes the exit code of DESIGN §8 (used by `pipelines run`, `start --follow`, `runs watch`).
enum RunOutcome {
    /// 0 completed, 3 failed, 4 cancelled, 5 anything else (queued, running, waiting, or a status not known yet).
    static func exitCode(forStatus status: String) -> Int32 {
        switch status {
        case "completed": ExitCodes.ok
        case "failed": ExitCodes.runFailed
        case "cancelled": ExitCodes.runCancelled
        default: ExitCodes.stillRunning
        }
    }

    /// Whether a run with this status has ended.
    static func isTerminal(_ status: String) -> Bool {
        ["completed", "failed", "cancelled"].contains(status)
    }

    /// Returns normally for a completed run; otherwise throws `CommandExit` with the run's exit code and a hint.
    static func finish(_ run: RunInfo) throws {
        let code = exitCode(forStatus: run.status)
        guard code != ExitCodes.ok else { return }
        switch code {
        case ExitCodes.runFailed:
            let why = run.error.map { ": \($0.message) (\($0.code)\($0.stepId.map { ", step \($0)" } ?? ""))" } ?? ""
            throw CommandExit(code, "run \(run.runId) failed\(why)")
        case ExitCodes.runCancelled:
            throw CommandExit(code, "run \(run.runId) was cancelled")
        default:
            let hint = "follow it with `gw runs watch \(run.runId)`"
            throw CommandExit(code, "run \(run.runId) is still \(run.status); \(hint)")
        }
    }
}
