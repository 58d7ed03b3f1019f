import Glibc

/// One output pipe: its descriptor (-1 once closed), line splitter and kept tail.
struct StreamReader {
    /// Which stream this is.
    let stream: OutputStream
    /// The descriptor, or -1 once closed.
    private(set) var fd: Int32
    /// The last bytes read.
    private(set) var tail: OutputTail
    private var splitter = LineSplitter()

    /// Creates a reader of `fd` keeping `limit` bytes.
    init(stream: OutputStream, fd: Int32, limit: Int) {
        self.stream = stream
        self.fd = fd
        tail = OutputTail(limit: limit)
    }

    /// Whether the descriptor is still open.
    var isOpen: Bool { fd >= 0 }

    /// Reads what is available; returns the lines completed (at EOF or on error: closes and adds the partial line).
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> [String] {
        let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if count > 0 {
            let chunk = UnsafeBufferPointer(rebasing: buffer[..<count])
            tail.append(chunk)
            return splitter.feed(chunk)
        }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return [] }
        return close()
    }

    /// Closes the descriptor; returns the final partial line, if any.
    mutating func close() -> [String] {
        guard fd >= 0 else { return [] }
        _ = Glibc.close(fd)
        fd = -1
        return splitter.finish()
    }
}
