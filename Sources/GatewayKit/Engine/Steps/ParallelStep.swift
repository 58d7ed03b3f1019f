import Foundation

extension RunInterpreter {
    /// `parallel`: inner steps run concurrently (at most `maxConcurrency`); with `failFast` the first
    /// failure cancels the others. Output: `{<stepId>: output}`.
    func runParallel(_ config: ParallelStepConfig, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        let inner = scope.child(prefix: key + "/")
        let limit = max(1, config.maxConcurrency ?? config.steps.count)
        var outputs: [String: JSONValue] = [:]
        var firstFailure: (any Error)?
        try await withThrowingTaskGroup(of: (String, Result<JSONValue?, any Error>).self) { group in
            var pending = config.steps[...]
            func launch() {
                guard let child = pending.popFirst() else { return }
                group.addTask {
                    do { return (child.id, .success(try await runStep(child, scope: inner))) } catch { return (child.id, .failure(error)) }
                }
            }
            for _ in 0..<limit { launch() }
            while let (id, result) = try await group.next() {
                switch result {
                case .success(let output): outputs[id] = output ?? .null
                case .failure(let error):
                    if error is CancellationError, firstFailure == nil, Task.isCancelled { throw error }
                    if firstFailure == nil { firstFailure = error }
                    if config.failFast { group.cancelAll(); pending = [] }
                }
                launch()
            }
        }
        if let firstFailure {
            if firstFailure is CancellationError { throw firstFailure }
            let inner = Self.failure(firstFailure, stepId: step.id)
            throw StepFailure(failure: RunFailure(code: inner.code, message: "\(step.id): \(inner.message)", stepId: inner.stepId ?? step.id))
        }
        for child in config.steps where outputs[child.id] != nil { scope.record(id: child.id, output: outputs[child.id], status: "completed") }
        return .object(outputs)
    }
}
