import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// What a backend answered: the whole text and the `usage` it reported (nil when it reported none).
struct BackendReply: Sendable {
    var text: String
    var usage: JSONValue?
}

/// A backend that answered an error status; 429 and 5xx may be retried after `retryAfter`.
struct BackendStatusError: Error, Sendable {
    var status: Int
    /// Seconds from `retry-after-ms` or `Retry-After` (seconds or an HTTP date).
    var retryAfter: Double?
    var message: String

    /// Whether another try may succeed.
    var isRetryable: Bool { status == 429 || status >= 500 }
}

/// One streaming call of `/chat/completions`: each content delta goes to `onDelta` as it arrives.
/// A backend that ignores `stream` and answers JSON is read as one delta.
enum BackendCall {
    /// Sends `request` and reads the answer.
    /// - Throws: `BackendStatusError` for an error status; transport errors; `CancellationError` when cancelled.
    static func stream(_ request: InferRequest, client: HTTPClient, timeout: Double,
                       onDelta: (String) async throws -> Void) async throws -> BackendReply {
        var http = HTTPClientRequest(url: request.url)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "Accept", value: "text/event-stream")
        if let key = request.apiKey { http.headers.add(name: "Authorization", value: "Bearer \(key)") }
        http.body = .bytes(ByteBuffer(data: request.body.jsonData()))
        let response = try await client.execute(http, timeout: .milliseconds(Int64(timeout * 1000)))
        guard (200..<300).contains(response.status.code) else {
            let body = try await response.body.collect(upTo: 64 << 10)
            throw statusError(Int(response.status.code), headers: response.headers, body: Data(buffer: body))
        }
        if response.headers.first(name: "content-type")?.contains("event-stream") != true {
            let data = Data(buffer: try await response.body.collect(upTo: 16 << 20))
            let json = (try? JSONValue.parse(data)) ?? .null
            let text = json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue ?? ""
            if !text.isEmpty { try await onDelta(text) }
            return BackendReply(text: text, usage: json["usage"].flatMap { $0 == .null ? nil : $0 })
        }
        var parser = SSEParser()
        var reply = BackendReply(text: "", usage: nil)
        for try await chunk in response.body {
            for event in parser.feed(chunk.readableBytesView) {
                if try await take(event, into: &reply, onDelta) { return reply }
            }
        }
        if let last = parser.finish() { _ = try await take(last, into: &reply, onDelta) }
        return reply
    }

    /// Applies one SSE event; returns true at `[DONE]`.
    private static func take(_ event: SSEParser.Event, into reply: inout BackendReply,
                             _ onDelta: (String) async throws -> Void) async throws -> Bool {
        if event.data == "[DONE]" { return true }
        guard let json = try? JSONValue.parse(Data(event.data.utf8)) else { return false }
        if let error = json["error"], error != .null {
            throw BackendStatusError(status: 200, retryAfter: nil, message: error["message"]?.stringValue ?? error.jsonString)
        }
        if let usage = json["usage"], usage != .null { reply.usage = usage }
        if let text = json["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue, !text.isEmpty {
            reply.text += text
            try await onDelta(text)
        }
        return false
    }

    private static func statusError(_ status: Int, headers: HTTPHeaders, body: Data) -> BackendStatusError {
        let json = try? JSONValue.parse(body)
        let message = json?["error"]?["message"]?.stringValue ?? json?["error"]?.stringValue
            ?? String(decoding: body.prefix(300), as: UTF8.self)
        return BackendStatusError(status: status, retryAfter: retryAfter(headers), message: message)
    }

    /// `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ headers: HTTPHeaders) -> Double? {
        if let ms = headers.first(name: "retry-after-ms").flatMap(Double.init) { return ms / 1000 }
        guard let value = headers.first(name: "retry-after")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}
