import Foundation

extension RunInterpreter {
    /// `sleep`: a durable timer. The wake-up time is committed; after a restart the remaining time is slept.
    func runSleep(duration: Double?, until: Template?, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        let existing = await execution.step(key)?.wakeAt
        let wake: Date
        if let existing {
            wake = existing
        } else if let duration {
            wake = Date().addingTimeInterval(duration)
        } else if let until {
            let text = try self.text(until, scope: scope, stepId: step.id)
            guard let date = Timestamp.parse(text) else {
                throw StepFailure(failure: RunFailure(code: "invalid_time", message: "sleep.until: \"\(text)\" is not an RFC 3339 time", stepId: step.id))
            }
            wake = date
        } else {
            wake = Date()
        }
        let remaining = wake.timeIntervalSinceNow
        let waiting = await execution.step(key)?.status == "waiting"
        if remaining > 0 {
            if !waiting {
                try await execution.stepWaiting(key: key, on: WaitingOn(kind: "sleep", stepId: step.id, since: Date(), expiresAt: wake))
            }
            if pipeline.canPark(stepId: step.id, gate: nil) {
                await services.parking.schedule(runId: runId, stepId: step.id, due: wake)
                throw RunParked(runId: runId, stepId: step.id)
            }
            try await Task.sleep(for: .milliseconds(Int64(remaining * 1000)))
            try await execution.stepResumed(key: key, stepId: step.id)
        } else if waiting {
            // Re-entered at or after the wake-up time (parked, or the gateway was down): the wait ends now.
            try await execution.stepResumed(key: key, stepId: step.id)
        }
        return ["until": .string(Timestamp.format(wake))]
    }
}
