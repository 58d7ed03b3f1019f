public import Foundation
import OpenAPIRuntime

extension GatewayClient {
    /// `GET /runs/:runId/events` as Server-Sent Events: each event as it is recorded, ending when the run
    /// has ended (the gateway then closes the stream).
    ///
    /// Events come as their JSON objects (`{seq, runId, type, at, stepId?, data}`); keep-alive comments
    /// are skipped. Cancelling the consuming task closes the connection.
    /// - Parameters:
    ///   - runId: the run.
    ///   - since: only events with a larger `seq` (after a reconnect, the last `seq` seen).
    /// - Throws: `GatewayError` (`not_found`…) or `GatewayClientError.unreachable` before the first event;
    ///   the stream itself throws when the connection breaks.
    package func eventStream(runId: String, since: Int? = nil) async throws -> AsyncThrowingStream<JSONValue, any Error> {
        let body = try await call {
            try await streamingAPI.getRunEvents(.init(
                path: .init(runId: runId), query: .init(since: since),
                headers: .init(accept: [.init(contentType: .textEventStream)])
            )).ok.body.textEventStream
        }
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in body.asDecodedServerSentEvents() {
                        guard let data = event.data, !data.isEmpty else { continue }
                        continuation.yield(try JSONValue.parse(Data(data.utf8)))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: Task.isCancelled ? CancellationError() : error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
