import Foundation
import GatewayKit

/// Follows a run until it ends by reading its event stream (SSE), reconnecting from the last event seen
/// when the connection drops; callers see each event in `seq` order and then the final run.
struct RunFollower {
    let client: GatewayClient
    /// Whether to keep a one-line progress display on stderr (steps, status, elapsed).
    let showsProgress: Bool

    /// Streams events until the run is terminal, handing each new event to `onEvent` in `seq` order.
    /// - Parameter since: only events with a larger `seq`.
    /// - Returns: the run record once it is terminal.
    func follow(_ runId: String, since: Int = 0, onEvent: (JSONValue) -> Void) async throws -> RunInfo {
        var since = since
        let started = ContinuousClock.now
        while true {
            var run = try await client.run(runId)
            if showsProgress { drawProgress(run, elapsed: ContinuousClock.now - started) }
            do {
                for try await event in try await client.eventStream(runId: runId, since: since) {
                    guard let seq = event["seq"]?.numberValue.map(Int.init), seq > since else { continue }
                    clearProgress()
                    onEvent(event)
                    since = seq
                    if showsProgress, let status = Self.status(after: event) {
                        run.status = status
                        drawProgress(run, elapsed: ContinuousClock.now - started)
                    }
                }
            } catch let error as GatewayError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                try await Task.sleep(for: .milliseconds(250))
            }
            run = try await client.run(runId)
            if RunOutcome.isTerminal(run.status) {
                clearProgress()
                return run
            }
        }
    }

    /// The run status an event implies, if any.
    static func status(after event: JSONValue) -> String? {
        switch event["type"]?.stringValue {
        case "run.started", "run.resumed": "running"
        case "run.waiting": "waiting"
        case "run.completed": "completed"
        case "run.failed": "failed"
        case "run.cancelled": "cancelled"
        default: nil
        }
    }

    // MARK: - Progress

    private func drawProgress(_ run: RunInfo, elapsed: Duration) {
        StandardStreams.writeError("\r\u{1B}[K" + Self.progressText(run, elapsed: elapsed), terminator: "")
    }

    private func clearProgress() {
        if showsProgress { StandardStreams.writeError("\r\u{1B}[K", terminator: "") }
    }

    /// `RUN  running  step build  12s`, or `waiting on approval ship-ok` while the run waits.
    static func progressText(_ run: RunInfo, elapsed: Duration) -> String {
        var parts = [run.runId, run.status]
        if let waiting = run.waitingOn.first {
            parts.append("waiting on \(waiting.kind) \(waiting.stepId)")
        } else if let step = run.steps.last(where: { $0.status == "running" }) {
            parts.append("step \(step.id)" + (step.attempt > 1 ? " (attempt \(step.attempt))" : ""))
        }
        let done = run.steps.filter { RunOutcome.isTerminal($0.status) || $0.status == "skipped" }.count
        parts.append(done == 1 ? "1 step done" : "\(done) steps done")
        let seconds = elapsed.components.seconds
        parts.append(seconds < 1 ? "0s" : DurationParser.format(Double(seconds)))
        return parts.joined(separator: "  ")
    }
}

extension CLIContext {
    /// A follower for this invocation: progress on stderr only when stderr is a terminal.
    var follower: RunFollower {
        RunFollower(client: client, showsProgress: stderrIsTerminal)
    }

    /// Whether stderr is a terminal (progress lines go there).
    var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Shows a run just started, or with `follow` follows it to its end and exits with its outcome: a live board
    /// on a terminal (table output), else one line per event.
    func showOrFollow(_ started: RunStartResult, follow: Bool, note: String) async throws {
        guard follow else {
            output.show(started, fields: Columns.started)
            return
        }
        output.note(note)
        guard stderrIsTerminal, output.format == .table else {
            try RunOutcome.finish(try await followEvents(started.runId))
            return
        }
        let run = try await watcher.watch(started.runId)
        output.show(run, fields: Columns.run)
        try RunOutcome.finish(run)
    }

    /// Follows a run, printing every new event: `seq  type  stepId  data` lines, or JSON lines with `-o json|yaml`.
    /// - Returns: the run once it is terminal.
    func followEvents(_ runId: String, since: Int = 0) async throws -> RunInfo {
        try await follower.follow(runId, since: since) { event in
            output.line(output.format == .table ? Columns.eventLine(event) : event.jsonString)
        }
    }
}
