extension RunInterpreter {
    /// `agent steps` (not built yet).
    func runAgent(_ fields: [String: ValueTemplate], step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        throw GatewayError.notImplemented("agent steps")
    }
}
