import Synchronization

/// Bounds what one step streams as `step.log` events (lines and bytes), so a process printing gigabytes
/// costs bounded storage: past the budget one notice is emitted and further lines are only kept in the
/// step's bounded output.
final class LogBudget: Sendable {
    static let maxLines = 10_000
    static let maxBytes = 4 << 20
    static let maxLineLength = 16 << 10

    private let used = Mutex<(lines: Int, bytes: Int, exhausted: Bool)>((0, 0, false))

    /// The line to stream (shortened if very long), the one-time notice when the budget runs out, or nil.
    func admit(_ line: String) -> String? {
        used.withLock { u in
            if u.exhausted { return nil }
            if u.lines >= Self.maxLines || u.bytes >= Self.maxBytes {
                u.exhausted = true
                return "… output continues; further lines are not streamed (limit \(Self.maxLines) lines / \(Self.maxBytes >> 20) MiB)"
            }
            u.lines += 1
            let clipped = line.utf8.count > Self.maxLineLength ? String(line.prefix(Self.maxLineLength)) + " …" : line
            u.bytes += clipped.utf8.count
            return clipped
        }
    }
}
