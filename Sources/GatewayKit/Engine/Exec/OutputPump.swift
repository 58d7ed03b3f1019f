import Foundation
import Synchronization

/// The I/O side of one child: a dedicated thread (so no blocking `read`/`waitpid` runs on the cooperative pool)
/// that writes the child's stdin, reads both pipes, hands lines to ``channel`` and reaps the child.
final class OutputPump: Sendable {
    /// What the pump ends with: how the child ended and the kept tails of its output.
    struct Outcome: Sendable {
        /// How the child ended.
        var status: ExitStatus
        /// The kept tail of stdout.
        var stdout: OutputTail
        /// The kept tail of stderr.
        var stderr: OutputTail
    }

    /// How long reading goes on after the child exited, for pipes that a grandchild keeps open.
    static let drainTime: Duration = .milliseconds(200)
    /// How often, in milliseconds, the thread checks for the child's exit while its pipes stay open.
    static let exitCheckMilliseconds: Int32 = 20

    /// The lines read, in order.
    let channel = LineChannel()
    /// The child being served.
    let child: ChildProcess
    /// The bytes for the child's stdin.
    let input: [UInt8]
    /// How many bytes of each stream the outcome keeps.
    let maxOutputBytes: Int
    private let state = Mutex(State())

    private struct State {
        var exited = false
        var outcome: Outcome?
        var waiters: [CheckedContinuation<Outcome, Never>] = []
    }

    /// Creates a pump for `child`; call ``start()`` to run it.
    init(child: ChildProcess, input: [UInt8], maxOutputBytes: Int) {
        self.child = child
        self.input = input
        self.maxOutputBytes = maxOutputBytes
    }

    /// Starts the pump thread.
    func start() {
        Thread.detachNewThread { [self] in run() }
    }

    /// Whether the child has exited and been reaped.
    var hasExited: Bool { state.withLock { $0.exited } }

    /// Waits until the pump has finished (descriptors closed, child reaped); works in a cancelled task too.
    func finished() async -> Outcome {
        await withCheckedContinuation { continuation in
            let outcome = state.withLock { state -> Outcome? in
                if state.outcome == nil { state.waiters.append(continuation) }
                return state.outcome
            }
            if let outcome { continuation.resume(returning: outcome) }
        }
    }

    /// Records that the child was reaped.
    func markExited() {
        state.withLock { $0.exited = true }
    }

    /// Records the outcome and wakes everyone waiting for it.
    func complete(_ outcome: Outcome) {
        let waiters = state.withLock { state in
            state.exited = true
            state.outcome = outcome
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume(returning: outcome) }
    }
}
