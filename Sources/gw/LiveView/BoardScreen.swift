import Foundation

/// Draws a `RunBoard` on stderr (a terminal) and redraws it in place: each frame moves the cursor up over
/// the previous one and clears to the end of the screen, in one write.
final class BoardScreen: @unchecked Sendable {
    private let lock = NSLock()
    private var board: RunBoard?
    private var drawn = 0

    /// Shows `board` (and keeps it for `redraw`).
    func show(_ board: RunBoard) {
        lock.withLock {
            self.board = board
            draw()
        }
    }

    /// Draws the last board again (the elapsed times move on).
    func redraw() {
        lock.withLock { draw() }
    }

    private func draw() {
        guard let board else { return }
        let lines = board.lines(now: Date(), width: Self.columns())
        let up = drawn > 0 ? "\u{1B}[\(drawn)A\r\u{1B}[J" : ""
        StandardStreams.writeError(up + lines.joined(separator: "\n"))
        drawn = lines.count
    }

    /// The terminal's width (stderr), 80 when unknown.
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
