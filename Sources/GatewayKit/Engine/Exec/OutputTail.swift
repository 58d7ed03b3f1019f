/// The last `limit` bytes of a stream and how much was seen in all; memory stays under about twice the limit.
struct OutputTail: Sendable {
    /// How many bytes the tail keeps.
    let limit: Int
    /// How many bytes were appended in all.
    private(set) var total = 0
    private var bytes: [UInt8] = []

    /// Creates an empty tail keeping at most `limit` bytes.
    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Whether bytes were dropped from the front.
    var truncated: Bool { total > limit }

    /// The kept bytes as text; a character cut at the front is dropped, invalid UTF-8 becomes U+FFFD.
    var text: String {
        var kept = bytes.suffix(limit)
        if truncated {
            for _ in 0..<3 where kept.first.map({ $0 & 0xC0 == 0x80 }) == true { kept = kept.dropFirst() }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Appends a chunk, dropping the oldest bytes beyond the limit.
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        total += chunk.count
        guard limit > 0 else { return }
        if chunk.count >= limit {
            bytes = Array(UnsafeBufferPointer(rebasing: chunk[(chunk.count - limit)...]))
            return
        }
        bytes.append(contentsOf: chunk)
        if bytes.count > 2 * limit { bytes.removeFirst(bytes.count - limit) }
    }
}
