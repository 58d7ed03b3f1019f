import Foundation
import Glibc

/// The writing side of an agent's stdin: a queue drained by a dedicated thread with blocking writes
/// (SIGPIPE blocked on that thread, so a gone reader is an `EPIPE`, not the death of gw).
final class LineOutbox: @unchecked Sendable {
    private let fd: Int32
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [[UInt8]] = []
    private var closed = false

    init(fd: Int32) {
        self.fd = fd
    }

    /// Starts the writer thread.
    func start() {
        Thread.detachNewThread { [self] in run() }
    }

    /// Queues bytes; ignored once closed.
    func push(_ bytes: [UInt8]) {
        condition.lock()
        if !closed { queue.append(bytes) }
        condition.signal()
        condition.unlock()
    }

    /// Stops accepting; the thread writes what is queued, then closes the descriptor (the agent sees EOF).
    func close() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var broken = false
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            let batch = queue
            queue.removeAll()
            let done = closed
            condition.unlock()
            for bytes in batch where !broken { broken = !writeAll(bytes) }
            if done { break }
        }
        Glibc.close(fd)
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}
