/// Runs child processes for `exec` steps: `posix_spawn` in their own process group, both output streams read
/// off the cooperative pool and streamed line by line, bounded memory, and the whole group killed on cancellation.
package struct ProcessRunner: Sendable {
    /// Runs the process to completion.
    ///
    /// `onLine` is called for every complete line (without the newline) of either stream as it arrives, in order
    /// per stream, and for a final partial line at EOF; a line longer than 64 KiB arrives in pieces. The result
    /// keeps the last `maxOutputBytes` of each stream. Once the child exits, pipes a grandchild keeps open are
    /// read for at most 200 ms more. Cancelling the calling task sends SIGTERM to the process group, waits up to
    /// `killGrace` for it to empty, then sends SIGKILL.
    /// - Parameters:
    ///   - spec: what to run; its environment is the child's whole environment.
    ///   - maxOutputBytes: how much of each stream the result keeps.
    ///   - killGrace: how long the group gets between SIGTERM and SIGKILL on cancellation.
    ///   - onLine: receives each line; the child is slowed down (not buffered for) while it lags behind.
    /// - Throws: `ProcessRunnerError` when the child cannot be started; `CancellationError` when cancelled.
    package static func run(_ spec: ProcessSpec, maxOutputBytes: Int = 1 << 20, killGrace: Duration = .seconds(5),
                            onLine: @escaping @Sendable (OutputStream, String) async -> Void) async throws
        -> ProcessResult {
        try Task.checkCancellation()
        let child = try ChildProcess.spawn(spec)
        let pump = OutputPump(child: child, input: Array((spec.stdin ?? "").utf8), maxOutputBytes: maxOutputBytes)
        pump.start()
        for await batch in pump.channel.batches {
            for line in batch where !Task.isCancelled { await onLine(line.stream, line.text) }
            pump.channel.consumed(batch)
            if Task.isCancelled { break }
        }
        if Task.isCancelled {
            pump.channel.stopListening()
            await ProcessGroup(id: child.pid).terminate(grace: killGrace) { pump.hasExited }
            _ = await pump.finished()
            throw CancellationError()
        }
        let outcome = await pump.finished()
        return ProcessResult(exitCode: outcome.status.code, stdout: outcome.stdout.text, stderr: outcome.stderr.text,
                             stdoutTruncated: outcome.stdout.truncated, stderrTruncated: outcome.stderr.truncated,
                             signal: outcome.status.signal)
    }
}
