import Foundation

/// Walks a pipeline's steps for one run. Steps already finished (a restart) are not run again:
/// their recorded outputs feed later expressions; a step that was running starts again with attempt + 1.
struct RunInterpreter: Sendable {
    let execution: RunExecution
    let pipeline: Pipeline
    let services: EngineServices
    let runId: String
    let input: JSONValue
    /// Nesting depth of `invoke` (guards cycles the loader could not see).
    let depth: Int

    /// Runs `steps` in order in `scope`; returns the last step's output.
    func runSteps(_ steps: [StepDefinition], scope: StepScope) async throws -> JSONValue? {
        var last: JSONValue?
        for step in steps {
            try Task.checkCancellation()
            if let output = try await runStep(step, scope: scope) { last = output }
        }
        return last
    }

    /// Runs one step with its condition, retries and timeout; returns its output (nil when skipped).
    func runStep(_ step: StepDefinition, scope: StepScope) async throws -> JSONValue? {
        let key = scope.prefix + step.id
        let previous = await execution.step(key)
        if let previous, ["completed", "skipped", "failed"].contains(previous.status) {
            scope.record(id: step.id, output: previous.output, status: previous.status)
            if previous.status == "failed" && !step.continueOnError, let error = previous.error { throw StepFailure(failure: error) }
            return previous.status == "completed" ? previous.output : nil
        }
        if previous?.status == "waiting" {
            return try await resumeWaiting(step, key: key, scope: scope, attempt: previous?.attempt ?? 1)
        }
        try await stopAtBreakpointIfNeeded(step)
        var condition: JSONValue?
        if let template = step.condition {
            let value = try evaluate(template, scope: scope, stepId: step.id)
            condition = conditionRecord(template, value: value, scope: scope)
            if !value.isTruthy {
                try await execution.stepSkipped(key: key, id: step.id, kind: step.kind, reason: "condition is false", condition: condition)
                scope.record(id: step.id, output: nil, status: "skipped")
                return nil
            }
        }
        return try await attempts(step, key: key, scope: scope, firstAttempt: (previous?.attempt ?? 0) + 1, condition: condition)
    }

    /// `condition` (the evaluated `if`, see `conditionRecord`) is recorded in each `step.started`.
    private func attempts(_ step: StepDefinition, key: String, scope: StepScope, firstAttempt: Int,
                          condition: JSONValue?) async throws -> JSONValue? {
        let maxAttempts = max(step.retry?.attempts ?? 1, firstAttempt)
        var attempt = firstAttempt
        while true {
            try await execution.stepStarted(key: key, id: step.id, kind: step.kind, attempt: attempt, condition: condition)
            let started = ContinuousClock.now
            let current = attempt
            do {
                let output = try await withTimeout(Self.stepLimit(step)) { try await execute(step, key: key, scope: scope, attempt: current) }
                services.metrics.stepDuration(kind: step.kind).record(seconds(since: started))
                try await execution.stepCompleted(key: key, output: output)
                scope.record(id: step.id, output: output, status: "completed")
                return output
            } catch {
                if error is RunParked { throw error }
                services.metrics.stepDuration(kind: step.kind).record(seconds(since: started))
                if error is CancellationError || Task.isCancelled { throw CancellationError() }
                let failure = Self.failure(error, stepId: step.id)
                if attempt < maxAttempts, let retry = step.retry {
                    await execution.forgetOutcome(key: key)
                    let delay = retry.delay(after: attempt)
                    try await execution.stepRetrying(id: step.id, attempt: attempt, error: failure.message, delayMs: Int(delay * 1000))
                    try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
                    attempt += 1
                    continue
                }
                try await execution.stepFailed(key: key, failure: failure)
                scope.record(id: step.id, output: nil, status: "failed")
                if step.continueOnError { return nil }
                throw StepFailure(failure: failure)
            }
        }
    }

    /// A step that was waiting (sleep, wait, approval) when the gateway stopped: it waits again, keeping its
    /// attempt and deadline, without a new `step.started`.
    private func resumeWaiting(_ step: StepDefinition, key: String, scope: StepScope, attempt: Int) async throws -> JSONValue? {
        do {
            let output = try await execute(step, key: key, scope: scope, attempt: attempt)
            try await execution.stepCompleted(key: key, output: output)
            scope.record(id: step.id, output: output, status: "completed")
            return output
        } catch {
            if error is RunParked { throw error }
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            let failure = Self.failure(error, stepId: step.id)
            try await execution.stepFailed(key: key, failure: failure)
            scope.record(id: step.id, output: nil, status: "failed")
            if step.continueOnError { return nil }
            throw StepFailure(failure: failure)
        }
    }

    /// The step-level time limit: for `wait` and `approval`, `timeout` is their own deadline with `onTimeout`, not a failure.
    static func stepLimit(_ step: StepDefinition) -> Double? {
        switch step.config {
        case .wait, .approval: nil
        default: step.timeout
        }
    }

    /// What a thrown error means for the run.
    static func failure(_ error: any Error, stepId: String) -> RunFailure {
        switch error {
        case let e as StepFailure: return e.failure
        case let e as TimeoutExpired: return RunFailure(code: "timeout", message: "step '\(stepId)' \(e)", stepId: stepId)
        case let e as ExpressionError: return RunFailure(code: "expression_error", message: e.description, stepId: stepId)
        case let e as GatewayError: return RunFailure(code: e.code.rawValue, message: e.message, stepId: stepId)
        default: return RunFailure(code: "step_failed", message: String(describing: error), stepId: stepId)
        }
    }

    // MARK: - Expressions

    /// The expression context of `scope`.
    func context(_ scope: StepScope) -> ExpressionContext {
        var variables: [String: JSONValue] = [
            "input": input, "steps": .object(scope.steps), "run": ["id": .string(runId)],
            "pipeline": ["id": .string(pipeline.id), "version": .string(pipeline.version)],
            "secrets": .object(services.secrets.mapValues { .string($0) }),
        ]
        for (k, v) in scope.allLocals { variables[k] = v }
        return ExpressionContext(variables: variables, secretValues: Set(services.secrets.values))
    }

    func evaluate(_ template: Template, scope: StepScope, stepId: String) throws -> JSONValue {
        try template.evaluate(context(scope))
    }

    func evaluate(_ template: ValueTemplate, scope: StepScope) throws -> JSONValue {
        try template.evaluate(context(scope))
    }

    /// A template evaluated to text (null → "").
    func text(_ template: Template, scope: StepScope, stepId: String) throws -> String {
        try evaluate(template, scope: scope, stepId: stepId).expressionText
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
