import Glibc

/// The pump thread's own state: the parent's ends of the three pipes and what has been read so far.
struct PumpIO {
    /// The stdout reader.
    private(set) var stdout: StreamReader
    /// The stderr reader.
    private(set) var stderr: StreamReader
    private var stdin: StdinWriter

    /// Takes over the child's parent-side descriptors.
    init(child: ChildProcess, input: [UInt8], maxOutputBytes: Int) {
        stdout = StreamReader(stream: .stdout, fd: child.stdout, limit: maxOutputBytes)
        stderr = StreamReader(stream: .stderr, fd: child.stderr, limit: maxOutputBytes)
        stdin = StdinWriter(fd: child.stdin ?? -1, data: input)
    }

    /// Whether any descriptor is still open.
    var isOpen: Bool { stdout.isOpen || stderr.isOpen || stdin.isOpen }

    /// Waits up to `timeout` ms for a ready descriptor, serves each once, and returns the lines that produced.
    mutating func step(buffer: UnsafeMutableBufferPointer<UInt8>, timeout: Int32) -> [LineChannel.Line] {
        var fds = [
            pollfd(fd: stdout.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stderr.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stdin.fd, events: Int16(POLLOUT), revents: 0),
        ]
        guard poll(&fds, nfds_t(fds.count), timeout) > 0 else { return [] }
        if fds[2].revents != 0 { stdin.write() }
        var lines: [LineChannel.Line] = []
        if fds[0].revents != 0 { lines += stdout.read(into: buffer).map { (.stdout, $0) } }
        if fds[1].revents != 0 { lines += stderr.read(into: buffer).map { (.stderr, $0) } }
        return lines
    }

    /// Closes every descriptor still open; returns the final partial lines.
    mutating func closeAll() -> [LineChannel.Line] {
        stdin.close()
        return stdout.close().map { (.stdout, $0) } + stderr.close().map { (.stderr, $0) }
    }
}
