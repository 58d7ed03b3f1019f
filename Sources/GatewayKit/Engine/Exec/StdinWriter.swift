import Glibc

/// The child's stdin pipe: writes `data` as the child takes it, then closes.
struct StdinWriter {
    /// The descriptor, or -1 once closed (or when there was none).
    private(set) var fd: Int32
    private let data: [UInt8]
    private var offset = 0

    /// Creates a writer; with nothing to write, closes at once so the child sees EOF.
    init(fd: Int32, data: [UInt8]) {
        self.fd = fd
        self.data = data
        if data.isEmpty { close() }
    }

    /// Whether there is still something to write.
    var isOpen: Bool { fd >= 0 }

    /// Writes what the pipe takes; closes when done or when the child stopped reading (EPIPE).
    mutating func write() {
        let count = data.withUnsafeBytes { bytes in
            Glibc.write(fd, bytes.baseAddress! + offset, min(bytes.count - offset, 1 << 16))
        }
        if count > 0 {
            offset += count
            if offset == data.count { close() }
        } else if !(count < 0 && (errno == EAGAIN || errno == EINTR)) {
            close()
        }
    }

    /// Closes the descriptor.
    mutating func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
    }
}
