import Glibc

/// A close-on-exec pipe: the child gets one end through `dup2`, the parent keeps the other.
struct FilePipe: Sendable {
    /// The read end.
    let read: Int32
    /// The write end.
    let write: Int32

    /// Creates a pipe whose both ends are close-on-exec, atomically where `pipe2` exists.
    /// - Throws: `ProcessRunnerError.pipeFailed` with the error text.
    static func make() throws(ProcessRunnerError) -> FilePipe {
        var fds: [Int32] = [-1, -1]
        let result: Int32
        if let pipe2 = GlibcExtensions.pipe2 {
            result = pipe2(&fds, O_CLOEXEC)
        } else {
            result = pipe(&fds)
            if result == 0 { fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) } }
        }
        guard result == 0 else { throw .pipeFailed(String(cString: strerror(errno))) }
        return FilePipe(read: fds[0], write: fds[1])
    }

    /// Closes both ends.
    func close() {
        _ = Glibc.close(read)
        _ = Glibc.close(write)
    }

    /// Makes `fd` non-blocking, for the parent's ends that the pump polls.
    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }
}
