import Foundation

/// Streams one OpenAI call's run as SSE: the run's `step.delta` texts are forwarded as they are
/// committed, then the encoder's closing frames. Content of the run output that no delta carried
/// (a pipeline without streaming steps) is sent as one last delta before the end.
struct OpenAIRunStream<Encoder: OpenAIStreamEncoder>: Sendable {
    /// Something that happened in the run.
    enum Piece: Sendable {
        case delta(String)
        case finished(RunRecord)
    }

    let runtime: GatewayRuntime
    let runId: String
    let encoder: Encoder

    /// The SSE bytes. Returns once the run has streamed its first delta or ended, so a run that fails
    /// before any output answers with a real error status instead of a stream.
    /// - Throws: 500 `pipeline_failed` when the run ended without completing before any delta.
    func body() async throws -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        let (out, continuation) = AsyncThrowingStream<ArraySlice<UInt8>, any Error>.makeStream()
        let (ready, readyContinuation) = AsyncStream<GatewayError?>.makeStream()
        let producer = Task { await produce(continuation, ready: readyContinuation) }
        continuation.onTermination = { _ in producer.cancel() }
        for await failure in ready {
            if let failure { throw failure }
            return out
        }
        producer.cancel()
        throw CancellationError()
    }

    private func produce(_ out: AsyncThrowingStream<ArraySlice<UInt8>, any Error>.Continuation,
                         ready: AsyncStream<GatewayError?>.Continuation) async {
        var encoder = self.encoder
        var opened = false
        var streamed = ""
        func open() {
            guard !opened else { return }
            opened = true
            ready.yield(nil)
            ready.finish()
            out.yield(ArraySlice(encoder.opening().utf8))
        }
        func send(_ text: String) {
            open()
            streamed += text
            out.yield(ArraySlice(encoder.delta(text).utf8))
        }
        do {
            try await follow { piece in
                switch piece {
                case .delta(let text):
                    send(text)
                case .finished(let record) where record.status == .completed:
                    let content = OpenAIRunResult.content(record.output)
                    if content.count > streamed.count, content.hasPrefix(streamed) { send(String(content.dropFirst(streamed.count))) }
                    open()
                    out.yield(ArraySlice(encoder.closing(record).utf8))
                case .finished(let record):
                    let error = OpenAIRunResult.failure(record)
                    if opened { out.yield(ArraySlice(encoder.failed(error).utf8)) } else { ready.yield(error) }
                }
            }
            ready.finish()
            out.finish()
        } catch {
            ready.finish()
            out.finish(throwing: error)
        }
    }

    /// Calls `body` with each delta of the run as it is committed, then once with the finished record.
    func follow(_ body: (Piece) throws -> Void) async throws {
        let live = runtime.engine.hub.subscribe(runId)
        var last = 0
        var ended = false
        while !ended {
            let page = try await runtime.runs.events(runId, since: last, limit: 1000)
            for event in page where !ended {
                last = event.seq
                ended = try handle(event, body)
            }
            if page.count < 1000 { break }
        }
        if !ended {
            for await event in live where event.seq > last {
                last = event.seq
                if try handle(event, body) { break }
            }
        }
        try Task.checkCancellation()
        guard let record = try await runtime.runs.run(runId) else { throw GatewayError.notFound("run '\(runId)'") }
        try body(.finished(record))
    }

    /// Passes on a delta; returns true at the run's terminal event.
    private func handle(_ event: RunEvent, _ body: (Piece) throws -> Void) throws -> Bool {
        if event.type == "step.delta", let text = event.data["text"]?.stringValue {
            try body(.delta(text))
            return false
        }
        guard RunEvent.terminalTypes.contains(event.type) else { return false }
        return true
    }
}
