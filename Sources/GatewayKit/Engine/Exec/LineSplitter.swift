import Glibc

/// Splits a byte stream into lines without their `\n`; a line longer than `maxLineBytes` comes out in pieces
/// (cut at a UTF-8 character boundary) so that memory stays bounded whatever the child prints.
struct LineSplitter: Sendable {
    /// The longest piece handed out, in bytes.
    static let defaultMaxLineBytes = 64 * 1024

    /// The longest piece handed out, in bytes.
    let maxLineBytes: Int
    private var partial: [UInt8] = []

    /// Creates a splitter with the given piece limit (at least 4 bytes, one UTF-8 character).
    init(maxLineBytes: Int = Self.defaultMaxLineBytes) {
        self.maxLineBytes = max(4, maxLineBytes)
    }

    /// Feeds a chunk; returns the lines it completed (and pieces of an over-long line).
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> [String] {
        var lines: [String] = []
        guard let base = chunk.baseAddress else { return lines }
        var start = 0
        while start < chunk.count, let hit = memchr(base + start, 0x0A, chunk.count - start) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            let segment = UnsafeBufferPointer(rebasing: chunk[start..<end])
            if partial.isEmpty && segment.count <= maxLineBytes {
                lines.append(String(decoding: segment, as: UTF8.self))
            } else {
                partial.append(contentsOf: segment)
                emitPieces(into: &lines, final: true)
            }
            start = end + 1
        }
        if start < chunk.count {
            partial.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
            emitPieces(into: &lines, final: false)
        }
        return lines
    }

    /// Ends the stream: returns the final partial line, if there is one.
    mutating func finish() -> [String] {
        guard !partial.isEmpty else { return [] }
        var lines: [String] = []
        emitPieces(into: &lines, final: true)
        return lines
    }

    /// Hands out `partial` in pieces of at most `maxLineBytes`; when `final`, also the rest (the line is complete).
    private mutating func emitPieces(into lines: inout [String], final: Bool) {
        var start = 0
        while partial.count - start > maxLineBytes {
            var cut = start + maxLineBytes
            for _ in 0..<3 where partial[cut] & 0xC0 == 0x80 { cut -= 1 }
            lines.append(String(decoding: partial[start..<cut], as: UTF8.self))
            start = cut
        }
        if final {
            lines.append(String(decoding: partial[start...], as: UTF8.self))
            partial.removeAll(keepingCapacity: true)
        } else if start > 0 {
            partial.removeFirst(start)
        }
    }
}
