extension RunInterpreter {
    /// `wait steps` (not built yet).
    func runWait(_ config: WaitStepConfig, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        throw GatewayError.notImplemented("wait steps")
    }
}
