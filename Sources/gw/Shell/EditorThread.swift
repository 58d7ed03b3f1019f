import Foundation

/// A dedicated thread that runs blocking work (libedit's `readline`, reading stdin) one job at a time.
///
/// `readline` blocks its thread until a line is typed; on the cooperative pool (two threads on a
/// two-core host) that would starve every other task, including the command the line then runs.
/// Every libedit call goes through here, so libedit (not thread-safe) only ever runs on this thread.
final class EditorThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []

    /// Starts the thread; it lives until the process exits.
    init() {
        let thread = Thread { [self] in loop() }
        thread.name = "gw-shell-prompt"
        thread.start()
    }

    /// Runs `body` on the thread and returns its result without blocking the caller's thread.
    func perform<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            condition.lock()
            jobs.append { continuation.resume(returning: body()) }
            condition.signal()
            condition.unlock()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
