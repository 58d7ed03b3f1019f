import Foundation

/// An incremental parser of a `text/event-stream` body: feed it bytes as they arrive and it returns
/// the events completed so far (blank-line separated; `data:` lines joined by newlines; comments dropped).
package struct SSEParser: Sendable {
    /// One server-sent event.
    package struct Event: Sendable, Hashable {
        /// The `event:` field (nil when absent).
        package var name: String?
        /// The `data:` lines, joined by `\n`.
        package var data: String
    }

    private var buffer: [UInt8] = []
    private var name: String?
    private var data: [String] = []

    /// A parser with nothing buffered.
    package init() {}

    /// Adds `bytes` and returns the events they complete.
    package mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [Event] where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        var start = 0
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = String(decoding: buffer[start..<end], as: UTF8.self)
            start = newline + 1
            if let event = take(line) { events.append(event) }
        }
        buffer.removeFirst(start)
        return events
    }

    /// The event still pending at the end of the body, if any.
    package mutating func finish() -> Event? {
        if !buffer.isEmpty {
            _ = take(String(decoding: buffer, as: UTF8.self))
            buffer = []
        }
        return take("")
    }

    private mutating func take(_ line: String) -> Event? {
        if line.isEmpty {
            defer { name = nil; data = [] }
            guard !data.isEmpty else { return nil }
            return Event(name: name, data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring, value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            let rest = line[line.index(after: colon)...]
            value = rest.hasPrefix(" ") ? rest.dropFirst() : rest
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "data": data.append(String(value))
        case "event": name = String(value)
        default: break
        }
        return nil
    }
}
