import Foundation

extension RunInterpreter {
    /// Tries of one backend call for 429 and 5xx answers (the step's own `retry` comes on top).
    static let inferTries = 4
    /// The first backoff between tries, doubled each time, when the backend gives no `Retry-After`.
    static let inferBackoff = 0.25
    /// The longest wait between tries, whatever `Retry-After` says.
    static let inferMaxDelay = 60.0

    /// `infer`: a streaming chat completion of an OpenAI-compatible backend. Each content delta is
    /// committed as `step.delta`; 429/5xx answers are retried honouring `Retry-After` (each retry noted as a
    /// `step.log` line); timeout and cancel abort the request. Output `{text, json?, usage}`.
    func runInfer(_ fields: [String: ValueTemplate], step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        let evaluated = try fields.mapValues { try evaluate($0, scope: scope) }
        let request = try InferRequest.resolve(evaluated, backends: services.config.backends,
                                               environment: ProcessInfo.processInfo.environment, stepId: step.id)
        var tries = 0
        var streamed = false
        while true {
            tries += 1
            do {
                let reply = try await BackendCall.stream(request, client: services.httpClient, timeout: step.timeout ?? 3600) { text in
                    streamed = true
                    try await execution.stepDelta(id: step.id, text: text)
                }
                return try InferReply.output(reply, json: request.json, stepId: step.id)
            } catch let error as BackendStatusError {
                guard error.isRetryable, !streamed, tries < Self.inferTries else {
                    let after = tries > 1 ? " after \(tries) tries" : ""
                    throw StepFailure(failure: RunFailure(code: "backend_error", message:
                        "backend '\(request.backend)' answered \(error.status)\(after): \(error.message)", stepId: step.id))
                }
                let delay = min(error.retryAfter ?? Self.inferBackoff * pow(2, Double(tries - 1)), Self.inferMaxDelay)
                try await execution.stepLog(id: step.id, stream: "stderr", line:
                    "backend '\(request.backend)' answered \(error.status); try \(tries + 1) of \(Self.inferTries) in \(Int(delay * 1000))ms")
                try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
            }
        }
    }
}
