import Foundation
import OpenAPIRuntime

extension Components.Schemas.Run {
    init(record r: RunRecord) throws {
        self.init(
            runId: r.runId, pipelineId: r.pipelineId, pipelineVersion: r.pipelineVersion, status: r.status.rawValue,
            input: try OpenAPIValueContainer(json: r.input), output: try r.output.map(OpenAPIValueContainer.init(json:)),
            error: r.error.map(Components.Schemas.RunError.init(failure:)),
            trigger: .init(kind: r.trigger.kind, id: r.trigger.id, actor: r.trigger.actor, fireAt: r.trigger.fireAt),
            parentRunId: r.parentRunId, idempotencyKey: r.idempotencyKey, createdAt: Timestamp.format(r.createdAt),
            startedAt: r.startedAt.map(Timestamp.format), finishedAt: r.finishedAt.map(Timestamp.format),
            waitingOn: r.waitingOn.map {
                .init(kind: $0.kind, stepId: $0.stepId, since: Timestamp.format($0.since), expiresAt: $0.expiresAt.map(Timestamp.format))
            },
            steps: try r.steps.map(Components.Schemas.RunStep.init(step:)),
            retryOf: r.retryOf.map { .init(runId: $0.runId, fromStep: $0.fromStep) }, retries: r.retries)
    }
}

extension Components.Schemas.RunError {
    init(failure f: RunFailure) { self.init(code: f.code, message: f.message, stepId: f.stepId) }
}

extension Components.Schemas.RunStep {
    init(step s: StepRecord) throws {
        self.init(id: s.key, kind: s.kind, status: s.status, attempt: s.attempt, startedAt: s.startedAt.map(Timestamp.format),
                  finishedAt: s.finishedAt.map(Timestamp.format), output: try s.output.map(OpenAPIValueContainer.init(json:)),
                  error: s.error.map(Components.Schemas.RunError.init(failure:)))
    }
}

extension Components.Schemas.RunEvent {
    init(event e: RunEvent) throws {
        self.init(seq: e.seq, runId: e.runId, _type: e.type, at: Timestamp.format(e.at), stepId: e.stepId,
                  data: try OpenAPIValueContainer(json: e.data))
    }
}
