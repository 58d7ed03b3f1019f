import AsyncHTTPClient
import Foundation
import GatewayTestSupport
import NIOCore
import Testing
@testable import GatewayKit

/// `GET /events`: run status changes and approval events of every run, and the pending approvals count.
@Suite struct ConsoleEventsTests {
    static let gated = """
        id: gated
        steps:
          - { id: gate, kind: approval, message: "Ship?" }
          - { id: done, kind: set, values: { v: 1 } }
        """

    /// An open SSE stream, read frame by frame.
    final class SSE: @unchecked Sendable {
        var iterator: HTTPClientResponse.Body.AsyncIterator
        var buffer = ""

        init(_ gw: TestGateway, headers: [String: String]) async throws {
            var request = HTTPClientRequest(url: gw.url.absoluteString + "/events")
            for (k, v) in headers { request.headers.add(name: k, value: v) }
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(response.status.code == 200)
            #expect(response.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
            iterator = response.body.makeAsyncIterator()
        }

        /// The next frame with an `event:` line: (event, data as JSON).
        func next() async throws -> (String, JSONValue)? {
            while true {
                if let end = buffer.range(of: "\n\n") {
                    let frame = String(buffer[..<end.lowerBound])
                    buffer.removeSubrange(..<end.upperBound)
                    var event: String?, data = ""
                    for line in frame.split(separator: "\n") {
                        if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { data += line.dropFirst(6) }
                    }
                    if let event { return (event, (try? JSONValue.parse(Data(data.utf8))) ?? .null) }
                    continue
                }
                guard let chunk = try await iterator.next() else { return nil }
                buffer += String(buffer: chunk)
            }
        }

        /// Frames until one matches `predicate` (which is returned), within 10 s.
        func until(_ predicate: @escaping @Sendable (String, JSONValue) -> Bool) async throws -> (String, JSONValue) {
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                // A frame, or nil once the deadline passes (the stream's keep-alives are 15 s apart).
                let frame = try await withThrowingTaskGroup(of: (String, JSONValue)?.self) { group in
                    group.addTask { try await self.next() }
                    group.addTask { try await Task.sleep(until: deadline); return nil }
                    defer { group.cancelAll() }
                    return try await group.next() ?? nil
                }
                guard let frame else { break }
                if predicate(frame.0, frame.1) { return frame }
            }
            Issue.record("no matching frame")
            throw CancellationError()
        }
    }

    @Test func runStatusChangesAndThePendingCountStream() async throws {
        try await TestGateway.with(pipelines: ["gated.yaml": Self.gated]) { gw in
            let sse = try await SSE(gw, headers: ["Authorization": "Bearer tok-read"])
            let first = try #require(try await sse.next())
            #expect(first.0 == "approvals")
            #expect(first.1["pending"] == 0)

            let started = try await gw.request(.POST, "/pipelines/gated/start", token: "tok-operate", body: #"{"input":{}}"#)
            let runId = try #require(started.json["runId"]?.stringValue)
            var seen: [String] = []
            var pendingSeen: JSONValue?  // the count is recounted concurrently: it may come before run.waiting
            while !seen.contains("run.waiting") {
                let (event, data) = try #require(try await sse.next())
                guard event != "approvals" else {
                    pendingSeen = data["pending"]
                    continue
                }
                #expect(data["runId"]?.stringValue == runId)
                #expect(data["pipelineId"]?.stringValue == "gated")
                #expect(data["type"]?.stringValue == event)
                #expect(data["at"]?.stringValue.flatMap(Timestamp.parse) != nil)
                if event == "run.queued" { #expect(data["status"] == "queued") }
                if event == "run.started" { #expect(data["status"] == "running") }
                if event == "approval.requested" { #expect(data["stepId"] == "gate") }
                if event == "run.waiting" { #expect(data["status"] == "waiting") }
                seen.append(event)
            }
            #expect(Array(seen.prefix(2)) == ["run.queued", "run.started"])
            #expect(seen.contains("approval.requested"))
            if pendingSeen != 1 {
                let pending = try await sse.until { event, _ in event == "approvals" }
                #expect(pending.1["pending"] == 1)
            }

            let approved = try await gw.request(.POST, "/runs/\(runId)/approve", token: "tok-operate", body: #"{"reason":"ok"}"#)
            #expect(approved.status == 200)
            var zeroSeen = false, completed: JSONValue?
            while !zeroSeen || completed == nil {  // either may come first (see above)
                let (event, data) = try await sse.until { event, _ in event == "approvals" || event == "run.completed" }
                if event == "approvals" { zeroSeen = data["pending"] == 0 } else { completed = data }
            }
            #expect(completed?["status"] == "completed")
        }
    }

    @Test func cancellingARunWaitingOnAGateLowersTheCount() async throws {
        try await TestGateway.with(pipelines: ["gated.yaml": Self.gated]) { gw in
            let sse = try await SSE(gw, headers: ["Authorization": "Bearer tok-read"])
            _ = try await sse.until { event, _ in event == "approvals" }
            let started = try await gw.request(.POST, "/pipelines/gated/start", token: "tok-operate", body: #"{"input":{}}"#)
            let runId = try #require(started.json["runId"]?.stringValue)
            let one = try await sse.until { event, _ in event == "approvals" }
            #expect(one.1["pending"] == 1)
            #expect(try await gw.request(.DELETE, "/runs/\(runId)", token: "tok-operate").status == 200)
            let cancelled = try await sse.until { event, _ in event == "run.cancelled" }
            #expect(cancelled.1["status"] == "cancelled")
            let zero = try await sse.until { event, _ in event == "approvals" }
            #expect(zero.1["pending"] == 0)
        }
    }

    @Test func theCookieOpensTheStreamAndNothingElseDoes() async throws {
        try await TestGateway.with { gw in
            #expect(try await gw.request(.GET, "/events").status == 401)
            let browser = try await ConsoleSessionTests.signIn(gw, token: "tok-read")
            let sse = try await SSE(gw, headers: ["Cookie": browser.cookie])
            let first = try #require(try await sse.next())
            #expect(first.0 == "approvals")
        }
    }

    @Test func aSubscriberThatFallsTooFarBehindIsDisconnected() async throws {
        let feed = GatewayFeed()
        let stream = await feed.subscribe()
        #expect(feed.subscriberCount == 1)
        let events = (1...(GatewayFeed.bufferLimit + 10)).map {
            RunEvent(seq: $0, runId: "r1", type: "run.started", at: Date(), stepId: nil, data: [:])
        }
        feed.publish(events, pipelineId: "p", status: .running)
        var received = 0
        for await _ in stream { received += 1 }
        #expect(received == GatewayFeed.bufferLimit)
        #expect(feed.subscriberCount == 0)
    }

    @Test func stepProgressIsNotForwarded() async throws {
        let feed = GatewayFeed()
        let stream = await feed.subscribe()
        feed.publish([RunEvent(seq: 1, runId: "r1", type: "step.log", at: Date(), stepId: "s", data: [:]),
                      RunEvent(seq: 2, runId: "r1", type: "run.failed", at: Date(), stepId: nil, data: [:])],
                     pipelineId: "p", status: .failed)
        var iterator = stream.makeAsyncIterator()
        let item = await iterator.next()
        guard case .change(let type, let data)? = item else { Issue.record("got \(String(describing: item))"); return }
        #expect(type == "run.failed")
        #expect(data["status"] == "failed")
        #expect(data["pipelineId"] == "p")
    }
}
