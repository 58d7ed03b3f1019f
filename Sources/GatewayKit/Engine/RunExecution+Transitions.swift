import Foundation

/// The state changes of a run and its steps, each committed with its event.
extension RunExecution {
    func markStarted() async throws {
        guard record.status == .queued else { return }
        try await commit([Draft("run.started")] + reusedStepDrafts, runChanged: true, wait: false) { r in
            r.status = .running
            r.startedAt = Date()
        }
    }

    /// A step (re)starts; a durable timer it had (a sleep interrupted by a restart) is kept, and so is the
    /// outcome a person already decided for a gate that was running when the gateway stopped (see `stepResumed`).
    func stepStarted(key: String, id: String, kind: String, attempt: Int, condition: JSONValue? = nil) async throws {
        let previous = step(key)
        let keptOutcome = previous?.status == "running" ? previous?.output : nil
        setStep(StepRecord(key: key, id: id, kind: kind, status: "running", attempt: attempt, startedAt: Date(),
                           finishedAt: nil, output: keptOutcome, error: nil, wakeAt: previous?.wakeAt))
        var data: [String: JSONValue] = ["attempt": .number(Double(attempt)), "kind": .string(kind)]
        if let condition { data["if"] = condition }
        try await commit([Draft("step.started", stepId: id, .object(data))], steps: [key], wait: false)
    }

    func stepCompleted(key: String, output: JSONValue) async throws {
        guard var step = step(key) else { return }
        step.status = "completed"
        step.finishedAt = Date()
        step.output = output
        step.wakeAt = nil
        setStep(step)
        let ms = (step.finishedAt!.timeIntervalSince(step.startedAt ?? step.finishedAt!) * 1000).rounded()
        try await commit([Draft("step.completed", stepId: step.id, ["attempt": .number(Double(step.attempt)), "durationMs": .number(ms)])],
                         steps: [key], wait: false)
    }

    func stepFailed(key: String, failure: RunFailure) async throws {
        guard var step = step(key) else { return }
        step.status = "failed"
        step.finishedAt = Date()
        step.error = failure
        step.wakeAt = nil
        setStep(step)
        try await commit([Draft("step.failed", stepId: step.id, ["attempt": .number(Double(step.attempt)),
                                                                  "error": .string(failure.message)])],
                         steps: [key])
    }

    func stepSkipped(key: String, id: String, kind: String, reason: String, condition: JSONValue? = nil) async throws {
        setStep(StepRecord(key: key, id: id, kind: kind, status: "skipped", attempt: 0, startedAt: nil,
                           finishedAt: Date(), output: nil, error: nil, wakeAt: nil))
        var data: [String: JSONValue] = ["reason": .string(reason)]
        if let condition { data["if"] = condition }
        try await commit([Draft("step.skipped", stepId: id, .object(data))], steps: [key], wait: false)
    }

    /// A failed attempt's decided outcome is not carried into the retry (committed with the next `step.started`).
    func forgetOutcome(key: String) {
        guard var step = step(key) else { return }
        step.output = nil
        setStep(step)
    }

    func stepRetrying(id: String, attempt: Int, error: String, delayMs: Int) async throws {
        try await commit([Draft("step.retrying", stepId: id, ["attempt": .number(Double(attempt)),
                                                              "error": .string(error), "delayMs": .number(Double(delayMs))])])
    }

    func stepLog(id: String, stream: String, line: String) async throws {
        try await commit([Draft("step.log", stepId: id, ["stream": .string(stream), "line": .string(line)])], wait: false)
    }

    /// A chunk of streamed text (an `infer` token delta), committed as `step.delta` `{text}`.
    func stepDelta(id: String, text: String) async throws {
        try await commit([Draft("step.delta", stepId: id, ["text": .string(text)])])
    }

    /// A chunk of an agent's message, committed as `step.delta` `{text}` without waiting for the commit (events stay
    /// in order, are streamed only once committed, and the end of the run waits for them).
    func stepDeltaInFlight(id: String, text: String) async throws {
        try await commit([Draft("step.delta", stepId: id, ["text": .string(text)])], wait: false)
    }

    /// The step starts waiting (sleep, wait, approval); the run is `waiting` while anything waits.
    /// `details` (e.g. `onTimeout`) go into the `run.waiting` event's `waitingOn`, for `explain`.
    func stepWaiting(key: String, on waiting: WaitingOn, extra: [Draft] = [], details: [String: JSONValue] = [:]) async throws {
        guard var step = step(key) else { return }
        step.status = "waiting"
        step.wakeAt = waiting.expiresAt
        setStep(step)
        var entry: [String: JSONValue] = ["kind": .string(waiting.kind), "stepId": .string(waiting.stepId),
                                          "since": .string(Timestamp.format(waiting.since))]
        if let expires = waiting.expiresAt { entry["expiresAt"] = .string(Timestamp.format(expires)) }
        entry.merge(details) { current, _ in current }
        metrics.runsWaiting(kind: waiting.kind).increment()
        try await commit(extra + [Draft("run.waiting", stepId: step.id, ["waitingOn": .object(entry)])], steps: [key], runChanged: true) { r in
            r.waitingOn.removeAll { $0.stepId == waiting.stepId }
            r.waitingOn.append(waiting)
            r.status = .waiting
        }
    }

    /// The step stops waiting; the run is `running` again when nothing else waits. `outcome` (a decision, a resume
    /// output) is committed with it, so a restart before the step completes applies that decision instead of asking again.
    func stepResumed(key: String, stepId: String, extra: [Draft] = [], outcome: JSONValue? = nil) async throws {
        guard var step = step(key) else { return }
        if let kind = record.waitingOn.first(where: { $0.stepId == stepId })?.kind { metrics.runsWaiting(kind: kind).decrement() }
        step.status = "running"
        step.output = outcome
        setStep(step)
        try await commit(extra + [Draft("run.resumed", stepId: stepId)], steps: [key], runChanged: true) { r in
            r.waitingOn.removeAll { $0.stepId == stepId }
            if r.waitingOn.isEmpty && !r.status.isTerminal { r.status = .running }
        }
    }

    /// Ends the run.
    func finish(_ status: RunStatus, output: JSONValue? = nil, failure: RunFailure? = nil, data: JSONValue = [:]) async throws {
        guard !record.status.isTerminal else { return }
        var eventData = data.objectValue ?? [:]
        if let output { eventData["output"] = output }
        if let failure { eventData["error"] = .object(["code": .string(failure.code), "message": .string(failure.message)]) }
        for waiting in record.waitingOn { metrics.runsWaiting(kind: waiting.kind).decrement() }
        var open: [String] = []
        for step in record.steps where step.status == "running" || step.status == "waiting" {
            var closed = step
            closed.status = status == .cancelled ? "cancelled" : "failed"
            closed.finishedAt = Date()
            closed.wakeAt = nil
            setStep(closed)
            open.append(step.key)
        }
        try await commit([Draft("run.\(status.rawValue)", stepId: failure?.stepId, .object(eventData))], steps: open,
                         runChanged: true) { r in
            r.status = status
            r.output = output
            r.error = failure
            r.finishedAt = Date()
            r.waitingOn = []
        }
    }
}
