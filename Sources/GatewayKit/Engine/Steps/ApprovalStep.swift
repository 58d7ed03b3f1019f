extension RunInterpreter {
    /// `approval steps` (not built yet).
    func runApproval(_ config: ApprovalStepConfig, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        throw GatewayError.notImplemented("approval steps")
    }
}
