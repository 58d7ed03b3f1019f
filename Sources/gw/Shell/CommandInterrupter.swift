import Foundation

/// Runs each shell command in its own task and turns Ctrl-C (SIGINT) into cancelling that task, so
/// Ctrl-C stops the command and not the shell.
///
/// SIGINT's default action is ignored and a dispatch signal source observes it instead (as
/// swift-service-lifecycle does). At the prompt no SIGINT arrives at all: `LineEditorCallbacks` turns
/// the terminal's signal keys off while a line is edited. A command that ignores cancellation can still
/// be left: the third Ctrl-C during one command ends the shell with status 130.
final class CommandInterrupter: @unchecked Sendable {
    /// Ctrl-C presses during one command after which the shell gives up and exits.
    static let pressesToLeave = 3

    private let lock = NSLock()
    private var running: Task<Int32, Never>?
    private var presses = 0
    private var source: (any DispatchSourceSignal)?

    /// Starts observing SIGINT.
    init() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.interrupt() }
        source.resume()
        self.source = source
    }

    /// Stops observing SIGINT and restores its default action.
    func stop() {
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }

    /// Runs `arguments` as a gw command line (errors are printed by `GW.run`) and returns its exit code.
    func run(_ arguments: [String]) async -> Int32 {
        let task = Task { await GW.run(arguments: arguments) }
        lock.withLock {
            running = task
            presses = 0
        }
        let code = await task.value
        lock.withLock { running = nil }
        return code
    }

    private func interrupt() {
        let (task, count) = lock.withLock { () -> (Task<Int32, Never>?, Int) in
            presses += 1
            return (running, presses)
        }
        guard let task else { return }
        task.cancel()
        if count >= Self.pressesToLeave {
            StandardStreams.writeError("\ngw: the command does not stop; leaving the shell")
            exit(130)
        } else if count == Self.pressesToLeave - 1 {
            StandardStreams.writeError("\ngw: stopping the command; press Ctrl-C again to leave the shell")
        } else {
            StandardStreams.writeError("")
        }
    }
}
