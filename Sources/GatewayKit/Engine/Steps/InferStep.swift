extension RunInterpreter {
    /// `infer steps` (not built yet).
    func runInfer(_ fields: [String: ValueTemplate], step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        throw GatewayError.notImplemented("infer steps")
    }
}
