import Foundation

/// A run's events as SSE frames or NDJSON lines: the stored backlog after `since`, then live events as
/// they are committed, a `: keep-alive` comment every 15 s (SSE), ending when the run is terminal.
struct EventStream: Sendable {
    let runtime: GatewayRuntime
    let runId: String
    let since: Int
    let follow: Bool
    let sse: Bool
    static let keepAliveSeconds = 15

    func bytes() -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        AsyncThrowingStream { continuation in
            let producer = Task { await produce(continuation) }
            let keepAlive = Task {
                guard sse else { return }
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(Self.keepAliveSeconds))
                    if Task.isCancelled { return }
                    continuation.yield(ArraySlice(": keep-alive\n\n".utf8))
                }
            }
            continuation.onTermination = { _ in
                producer.cancel()
                keepAlive.cancel()
            }
        }
    }

    private func produce(_ continuation: AsyncThrowingStream<ArraySlice<UInt8>, any Error>.Continuation) async {
        let live = runtime.engine.hub.subscribe(runId)
        var last = since
        do {
            while true {
                let page = try await runtime.runs.events(runId, since: last, limit: 1000)
                for event in page { continuation.yield(frame(event)) }
                last = page.last?.seq ?? last
                if page.count < 1000 { break }
            }
            let status = try await runtime.runs.run(runId)?.status
            guard follow, status?.isTerminal == false else { return continuation.finish() }
            for await event in live where event.seq > last {
                continuation.yield(frame(event))
                last = event.seq
            }
            continuation.finish()
        } catch {
            continuation.finish(throwing: error)
        }
    }

    private func frame(_ event: RunEvent) -> ArraySlice<UInt8> {
        let json = event.json.jsonString
        if sse { return ArraySlice("id: \(event.seq)\nevent: \(event.type)\ndata: \(json)\n\n".utf8) }
        return ArraySlice((json + "\n").utf8)
    }
}
