/// The decoded `waitpid` status of a child.
struct ExitStatus: Sendable, Equatable {
    /// The exit code, `128 + signal` for a signal, `-1` when unknown.
    var code: Int32
    /// The terminating signal, if any.
    var signal: Int32?

    /// The status when the child was reaped by someone else and its real status is lost.
    static let unknown = ExitStatus(code: -1, signal: nil)

    /// Decodes a raw `waitpid` status (the `WIFEXITED`/`WTERMSIG` macros are not visible from Swift).
    init(waitStatus raw: Int32) {
        let termination = raw & 0x7f
        if termination == 0 {
            self.init(code: (raw >> 8) & 0xff, signal: nil)
        } else {
            self.init(code: 128 + termination, signal: termination)
        }
    }

    /// Creates a status from its parts.
    init(code: Int32, signal: Int32?) {
        self.code = code
        self.signal = signal
    }
}
