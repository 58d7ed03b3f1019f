import Foundation

extension RunExecution {
    /// For a retry about to start: one `step.skipped` `{reused: true, fromRunId, status}` per step kept from the original.
    /// A retry that is still `queued` holds no step records but the reused ones (written at its creation), so this is
    /// the same list after a restart; it is committed with `run.started`, hence exactly once.
    var reusedStepDrafts: [Draft] {
        guard let link = record.retryOf, record.status == .queued else { return [] }
        return record.steps.map { step in
            Draft("step.skipped", stepId: step.id, ["reason": "reused", "reused": true, "fromRunId": .string(link.runId),
                                                    "status": .string(step.status)])
        }
    }
}
