import Foundation

extension RunEngine {
    /// Explains a run from its record and events (404 for an unknown run). `gatewayPaused` is the one live fact,
    /// read only for a queued run.
    package func explain(_ runId: String, gatewayPaused: Bool) async throws -> RunExplanation {
        guard let record = try await store.run(runId) else { throw GatewayError.notFound("run '\(runId)'") }
        let events = try await store.explainEvents(runId)
        return RunExplainer(record: record, events: events, gatewayPaused: gatewayPaused).explain()
    }
}
