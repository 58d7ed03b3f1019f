/// How a child process ended and the tail of what it printed.
package struct ProcessResult: Sendable, Equatable {
    /// The exit code; `128 + signal` when a signal killed the child, `-1` when its status could not be collected.
    package var exitCode: Int32
    /// The last `maxOutputBytes` of stdout.
    package var stdout: String
    /// The last `maxOutputBytes` of stderr.
    package var stderr: String
    /// Whether stdout was longer than what `stdout` keeps.
    package var stdoutTruncated: Bool
    /// Whether stderr was longer than what `stderr` keeps.
    package var stderrTruncated: Bool
    /// The signal that killed the child, or nil when it exited.
    package var signal: Int32?

    /// Creates a result.
    package init(exitCode: Int32, stdout: String, stderr: String, stdoutTruncated: Bool = false,
                 stderrTruncated: Bool = false, signal: Int32? = nil) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
        self.signal = signal
    }
}
