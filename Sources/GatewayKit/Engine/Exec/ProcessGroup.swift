import Dispatch
import Foundation
import Glibc

/// A child's process group (its id is the child's pid): signalling it and telling whether anyone in it still runs.
struct ProcessGroup: Sendable {
    /// The process group id, which is the leader's pid.
    let id: pid_t

    /// Sends `signal` to the whole group.
    func send(_ signal: Int32) {
        _ = kill(-id, signal)
    }

    /// SIGTERM to the group, up to `grace` for it to empty, then SIGKILL to whatever is left.
    /// - Parameter leaderExited: whether the leader has been reaped; until then it is also signalled directly,
    ///   in case it moved to another group.
    func terminate(grace: Duration, leaderExited: @Sendable () -> Bool) async {
        signalAll(SIGTERM, leaderExited: leaderExited)
        signalAll(SIGCONT, leaderExited: leaderExited)
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            if leaderExited() && !hasLiveMembers { return }
            await Self.pause(milliseconds: 10)
        }
        signalAll(SIGKILL, leaderExited: leaderExited)
    }

    /// Whether any process of the group still runs; zombies left for a reaper that is not gw do not count.
    var hasLiveMembers: Bool {
        if kill(-id, 0) != 0 && errno == ESRCH { return false }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        return entries.contains { name in
            guard let pid = pid_t(name), let stat = Self.stat(of: pid) else { return false }
            return stat.group == id && stat.state != "Z" && stat.state != "X"
        }
    }

    private func signalAll(_ signal: Int32, leaderExited: () -> Bool) {
        send(signal)
        if !leaderExited() { _ = kill(id, signal) }
    }

    /// The state letter and process group of `pid` from `/proc/<pid>/stat`, or nil when it is gone.
    private static func stat(of pid: pid_t) -> (state: Character, group: pid_t)? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let group = pid_t(fields[2]) else { return nil }
        return (state, group)
    }

    /// Sleeps without throwing, even in a cancelled task (where `Task.sleep` returns at once).
    static func pause(milliseconds: Int) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { continuation.resume() }
        }
    }
}
