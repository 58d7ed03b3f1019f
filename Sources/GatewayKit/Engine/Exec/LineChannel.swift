import Dispatch
import Synchronization

/// Carries batches of output lines from the pump thread to the async caller, with back-pressure: the sending
/// thread blocks while the caller is more than `limit` bytes behind, so a fast child cannot grow memory unbounded.
/// Once the caller stops listening (it was cancelled), sends never block and their lines are dropped.
final class LineChannel: Sendable {
    /// One line of one stream.
    typealias Line = (stream: OutputStream, text: String)

    /// The batches, in the order they were read.
    let batches: AsyncStream<[Line]>
    private let continuation: AsyncStream<[Line]>.Continuation
    private let limit: Int
    private let state: Mutex<State>
    private let space: DispatchSemaphore

    private struct State {
        var open = true
        var pending = 0
        var senderWaiting = false
    }

    /// Creates a channel that lets about `limit` bytes of lines wait for the caller.
    init(limit: Int = 1 << 20) {
        (batches, continuation) = AsyncStream.makeStream()
        self.limit = limit
        state = Mutex(State())
        space = DispatchSemaphore(value: 0)
        continuation.onTermination = { [weak self] _ in self?.stopListening() }
    }

    /// Sends a batch from the pump thread, blocking while the caller is too far behind.
    func send(_ lines: [Line]) {
        guard !lines.isEmpty else { return }
        let cost = Self.cost(of: lines)
        let (listening, mustWait) = state.withLock { state -> (Bool, Bool) in
            guard state.open else { return (false, false) }
            state.pending += cost
            state.senderWaiting = state.pending > limit
            return (true, state.senderWaiting)
        }
        guard listening else { return }
        continuation.yield(lines)
        if mustWait { space.wait() }
    }

    /// Tells the channel the caller has handled `lines`, waking a blocked sender once half the backlog is gone.
    func consumed(_ lines: [Line]) {
        let cost = Self.cost(of: lines)
        let wake = state.withLock { state -> Bool in
            state.pending -= cost
            guard state.senderWaiting, state.pending <= limit / 2 else { return false }
            state.senderWaiting = false
            return true
        }
        if wake { space.signal() }
    }

    /// Ends the batches; the caller's loop finishes after the ones already sent.
    func finish() {
        continuation.finish()
    }

    /// Tells the channel the caller stopped listening: sends no longer block (releasing a blocked sender) and
    /// their lines are dropped.
    func stopListening() {
        let wake = state.withLock { state -> Bool in
            state.open = false
            defer { state.senderWaiting = false }
            return state.senderWaiting
        }
        if wake { space.signal() }
    }

    /// The bytes a batch holds, counting a little for each line's own storage.
    private static func cost(of lines: [Line]) -> Int {
        lines.reduce(0) { $0 + $1.text.utf8.count + 32 }
    }
}
