import Foundation
import GatewayKit

/// Follows a run until it ends over the gateway's event stream (SSE): on a terminal a live board
/// on stderr (steps with status, duration and last log line; run status and elapsed time; what it waits
/// on and the command that continues it); otherwise each event goes to `onEvent` for plain lines.
struct RunWatcher {
    let client: GatewayClient
    /// Whether to draw the live board (stderr is a terminal).
    let live: Bool
    /// How often the board is redrawn without news (the elapsed times move on).
    var tick: Duration = .seconds(1)

    /// Watches `runId` from event `since` on; returns the run record once it has ended.
    /// - Throws: `GatewayError` (`not_found`…), `GatewayClientError`, or `CancellationError` on Ctrl-C.
    func watch(_ runId: String, since: Int = 0, onEvent: (JSONValue) -> Void = { _ in }) async throws -> RunInfo {
        var board = RunBoard(run: try await client.run(runId))
        let screen = live ? BoardScreen() : nil
        screen?.show(board)
        let ticker = screen.map { screen in
            Task { [tick] in
                while (try? await Task.sleep(for: tick)) != nil { screen.redraw() }
            }
        }
        defer { ticker?.cancel() }
        var seen = since
        while !RunOutcome.isTerminal(board.run.status) {
            for try await event in try await client.eventStream(runId: runId, since: seen) {
                seen = max(seen, event["seq"]?.numberValue.map { Int($0) } ?? seen)
                onEvent(event)
                if board.apply(event) { board.run = try await client.run(runId) }
                screen?.show(board)
            }
            board.run = try await client.run(runId)
            // The stream ended before the run did (a dropped connection): reconnect after `seen`.
            if !RunOutcome.isTerminal(board.run.status) { try await Task.sleep(for: .milliseconds(200)) }
        }
        screen?.show(board)
        return board.run
    }
}

extension CLIContext {
    /// A watcher for this invocation: the live board only when stderr is a terminal.
    var watcher: RunWatcher { RunWatcher(client: client, live: stderrIsTerminal) }
}
