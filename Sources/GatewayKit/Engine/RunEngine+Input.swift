import Foundation

extension RunEngine {
    /// The input with schema defaults applied, or 422 `invalid_input` with one detail per violation.
    static func validatedInput(_ input: JSONValue?, pipeline: Pipeline) throws -> JSONValue {
        guard let schemaJSON = pipeline.inputSchema else { return input ?? [:] }
        let schema = InputSchema(schemaJSON)
        let value = schema.applyingDefaults(to: input ?? .null)
        let violations = schema.validate(value)
        guard violations.isEmpty else {
            let details = JSONValue.array(violations.map { ["pointer": .string($0.pointer), "message": .string($0.message)] })
            let summary = violations.prefix(3).map { "\($0.pointer.isEmpty ? "/" : $0.pointer): \($0.message)" }.joined(separator: "; ")
            throw GatewayError(.invalidInput, "input does not match the schema of '\(pipeline.id)': \(summary)", details: details)
        }
        return value
    }

    /// The first run for this key when the body is the same; 409 `idempotency_conflict` when it differs.
    func idempotentReplay(_ pipelineId: String, key: String, input: JSONValue) async throws -> RunRecord? {
        guard key.count <= 255 else { throw GatewayError(.badRequest, "Idempotency-Key is longer than 255 characters") }
        let hash = Self.hash(input)
        let slot = "\(pipelineId)\u{0}\(key)"
        if let other = pendingKeys[slot] {
            guard other == hash else { throw Self.conflict(key) }
        }
        if let existing = try await store.idempotentRun(pipelineId: pipelineId, key: key, window: 86400) {
            guard existing.bodyHash == hash else { throw Self.conflict(key) }
            return try await store.run(existing.runId)
        }
        if pendingKeys[slot] != nil {
            while pendingKeys[slot] != nil { try await Task.sleep(for: .milliseconds(2)) }
            return try await idempotentReplay(pipelineId, key: key, input: input)
        }
        pendingKeys[slot] = hash
        return nil
    }

    private static func conflict(_ key: String) -> GatewayError {
        GatewayError(.idempotencyConflict, "Idempotency-Key '\(key)' was already used with a different body")
    }
}
