import Glibc

extension OutputPump {
    /// The thread body: serve the pipes until all are closed (or ``drainTime`` after the child exited),
    /// close every parent-side descriptor, reap the child, publish the outcome and end the channel.
    func run() {
        Self.blockBrokenPipeSignal()
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)
        defer { buffer.deallocate() }
        var io = PumpIO(child: child, input: input, maxOutputBytes: maxOutputBytes)
        var status: ExitStatus?
        var drainDeadline: ContinuousClock.Instant?
        while io.isOpen {
            channel.send(io.step(buffer: buffer, timeout: Self.pollTimeout(until: drainDeadline)))
            if status == nil, let reaped = child.reap(blocking: false) {
                status = reaped
                markExited()
                drainDeadline = .now + Self.drainTime
            }
            if let drainDeadline, ContinuousClock.now >= drainDeadline { break }
        }
        channel.send(io.closeAll())
        let final = status ?? child.reap(blocking: true) ?? .unknown
        complete(Outcome(status: final, stdout: io.stdout.tail, stderr: io.stderr.tail))
        channel.finish()
    }

    /// The `poll` timeout: short while waiting for the exit, the time left once draining.
    private static func pollTimeout(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return exitCheckMilliseconds }
        let left = ContinuousClock.now.duration(to: deadline).components
        return Int32(clamping: max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000 + 1))
    }

    /// Blocks SIGPIPE on this thread only, so writing to a child that closed its stdin fails with EPIPE instead of
    /// killing gw; the pending signal dies with the thread.
    private static func blockBrokenPipeSignal() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
