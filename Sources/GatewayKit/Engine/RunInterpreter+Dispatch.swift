import Foundation

extension RunInterpreter {
    /// Executes one attempt of a step; returns its output or throws its failure.
    func execute(_ step: StepDefinition, key: String, scope: StepScope, attempt: Int) async throws -> JSONValue {
        switch step.config {
        case .set(let values):
            var out: [String: JSONValue] = [:]
            for (name, value) in values { out[name] = try evaluate(value, scope: scope) }
            return .object(out)
        case .fail(let message):
            let text = try self.text(message, scope: scope, stepId: step.id)
            throw StepFailure(failure: RunFailure(code: "failed_by_step", message: text, stepId: step.id))
        case .exec(let config):
            return try await runExec(config, step: step, scope: scope)
        case .http(let config):
            return try await runHTTP(config, step: step, scope: scope)
        case .sleep(let duration, let until):
            return try await runSleep(duration: duration, until: until, step: step, key: key, scope: scope)
        case .parallel(let config):
            return try await runParallel(config, step: step, key: key, scope: scope)
        case .foreach(let config):
            return try await runForeach(config, step: step, key: key, scope: scope)
        case .invoke(let pipelineId, let input):
            let value = try input.map { try evaluate($0, scope: scope) } ?? [:]
            let child = try await services.invoke(pipelineId, value, runId, depth + 1)
            guard child.status == .completed else {
                let why = child.error?.message ?? child.status.rawValue
                throw StepFailure(failure: RunFailure(code: "child_run_\(child.status.rawValue)",
                                                      message: "invoked run \(child.runId) of '\(pipelineId)' \(child.status.rawValue): \(why)",
                                                      stepId: step.id))
            }
            return child.output ?? .null
        case .wait(let config):
            return try await runWait(config, step: step, key: key, scope: scope)
        case .approval(let config):
            return try await runApproval(config, step: step, key: key, scope: scope)
        case .infer(let fields):
            return try await runInfer(fields, step: step, key: key, scope: scope)
        case .agent(let fields):
            return try await runAgent(fields, step: step, key: key, scope: scope)
        }
    }
}
