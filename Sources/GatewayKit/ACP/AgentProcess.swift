import Foundation
import Glibc
import Synchronization

/// A long-lived agent child process spoken to in lines: a dedicated thread reads its stdout (and one its
/// stderr, keeping a tail for error messages), another writes its stdin, so no cooperative thread ever blocks.
final class AgentProcess: Sendable {
    /// What the process said: a line of stdout, or its end.
    enum Output: Sendable {
        case line(String)
        /// A line longer than `maxLineBytes` (the rest of the output is not read).
        case overlong
        /// Stdout closed and the process was reaped.
        case exited(ExitStatus, stderrTail: String)
    }

    /// The longest line accepted from an agent.
    static let maxLineBytes = 32 << 20
    /// How much of stderr is kept for error messages.
    static let stderrTailBytes = 2048

    /// The child's pid (also its process group).
    let pid: pid_t
    /// Stdout lines in order, ending with `.exited`.
    let output: AsyncStream<Output>
    private let inbox: LineOutbox
    private let shared = Shared()

    /// What the reader threads and the process object share.
    private final class Shared: Sendable {
        let exited = Atomic<Bool>(false)
        let tail = Mutex<[UInt8]>([])
        var hasExited: Bool { exited.load(ordering: .sequentiallyConsistent) }
    }

    /// Spawns `argv` in `cwd` with exactly `environment`, in its own process group.
    /// - Throws: `ProcessRunnerError` when it cannot be started.
    init(argv: [String], environment: [String: String], cwd: String) throws {
        let child = try ChildProcess.spawn(ProcessSpec(argv: argv, environment: environment, cwd: cwd, stdin: ""))
        for fd in [child.stdout, child.stderr, child.stdin!] {
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        }
        pid = child.pid
        inbox = LineOutbox(fd: child.stdin!)
        let (stream, continuation) = AsyncStream<Output>.makeStream()
        output = stream
        let stderrDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [shared] in
            Self.drain(child.stderr) { bytes in
                shared.tail.withLock { $0 = Array(($0 + bytes).suffix(Self.stderrTailBytes)) }
            }
            stderrDone.signal()
        }
        Thread.detachNewThread { [shared] in
            Self.readLines(child.stdout, into: continuation)
            let status = child.reap(blocking: true) ?? .unknown
            shared.exited.store(true, ordering: .sequentiallyConsistent)
            _ = stderrDone.wait(timeout: .now() + 1)
            let text = shared.tail.withLock { String(decoding: $0, as: UTF8.self) }
            continuation.yield(.exited(status, stderrTail: text.trimmingCharacters(in: .whitespacesAndNewlines)))
            continuation.finish()
        }
        inbox.start()
    }

    /// Whether the process has exited and been reaped.
    var hasExited: Bool { shared.hasExited }

    /// Queues one line (a newline is added) for the agent's stdin; dropped once stdin is closed.
    func send(_ line: String) { inbox.push(Array((line + "\n").utf8)) }

    /// Closes stdin, then SIGTERM to the group, SIGKILL after `grace`.
    func stop(grace: Duration = .seconds(2)) async {
        inbox.close()
        guard !hasExited else { return }
        await ProcessGroup(id: pid).terminate(grace: grace) { [shared] in shared.hasExited }
    }

    // MARK: - Reading

    private static func readLines(_ fd: Int32, into continuation: AsyncStream<Output>.Continuation) {
        var pending: [UInt8] = []
        _ = drain(fd) { bytes in
            pending.append(contentsOf: bytes)
            while let newline = pending.firstIndex(of: 0x0A) {
                continuation.yield(.line(String(decoding: pending[..<newline], as: UTF8.self)))
                pending.removeSubrange(...newline)
            }
            if pending.count > maxLineBytes {
                continuation.yield(.overlong)
                return false
            }
            return true
        }
        close(fd)
    }

    /// Reads `fd` until EOF (or `chunk` answers false), blocking this thread.
    @discardableResult
    private static func drain(_ fd: Int32, _ chunk: ([UInt8]) -> Bool) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return true }
            guard chunk(Array(buffer[..<count])) else { return false }
        }
    }

    private static func drain(_ fd: Int32, _ chunk: ([UInt8]) -> Void) {
        drain(fd) { (bytes: [UInt8]) -> Bool in chunk(bytes); return true }
        close(fd)
    }
}
