import Foundation
import OpenAPIRuntime

extension APIHandler {
    /// How the events of a run are delivered.
    enum EventFormat { case sse, ndjson, json }

    package func getRunEvents(_ input: Operations.GetRunEvents.Input) async throws -> Operations.GetRunEvents.Output {
        let runId = input.path.runId
        guard try await runtime.runs.run(runId) != nil else { throw GatewayError.notFound("run '\(runId)'") }
        let since = try QueryBounds.check(input.query.since, "since", in: 0...Int.max, default:
            input.headers.lastEventID.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { max($0, 0) } ?? 0)
        let limit = try QueryBounds.check(input.query.limit, "limit", in: 1...10_000, default: 10_000)
        switch Self.eventFormat(input.headers.accept) {
        case .json:
            let events = try await runtime.runs.events(runId, since: since, limit: limit)
            return .ok(.init(body: .json(.init(runId: runId, events: try events.map(Components.Schemas.RunEvent.init(event:))))))
        case .ndjson:
            let stream = EventStream(runtime: runtime, runId: runId, since: since, follow: input.query.follow ?? true, sse: false)
            return .ok(.init(body: .applicationXNdjson(HTTPBody(stream.bytes(), length: .unknown, iterationBehavior: .single))))
        case .sse:
            let stream = EventStream(runtime: runtime, runId: runId, since: since, follow: input.query.follow ?? true, sse: true)
            return .ok(.init(body: .textEventStream(HTTPBody(stream.bytes(), length: .unknown, iterationBehavior: .single))))
        }
    }

    /// SSE unless NDJSON or JSON is asked for (JSON only explicitly, never through `*/*`), by Accept order and quality.
    static func eventFormat(_ accept: [AcceptHeaderContentType<Operations.GetRunEvents.AcceptableContentType>]) -> EventFormat {
        let ordered = accept.sorted { $0.quality.doubleValue > $1.quality.doubleValue }
        for entry in ordered {
            switch entry.contentType {
            case .textEventStream: return .sse
            case .applicationXNdjson: return .ndjson
            case .json: return .json
            case .other: return .sse
            }
        }
        return .sse
    }
}
