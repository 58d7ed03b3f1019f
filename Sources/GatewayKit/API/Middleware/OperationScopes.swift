/// The scope each operation needs (DESIGN §9 "Scopes are cumulative"); nil for public operations.
enum OperationScopes {
    static let publicOperations: Set<String> = ["getHealth", "getOpenAPIDocument", "deliverWebhook", "signIn"]

    static let operate: Set<String> = [
        "runPipeline", "startPipeline", "cancelRun", "resumeRun", "approveRun", "denyRun", "fireTrigger",
        "releaseRun", "retryRun", "resumeSession", "createChatCompletion", "createResponse",
    ]

    static let admin: Set<String> = [
        "pauseGateway", "resumeGateway", "reloadGateway", "addSchedule", "removeSchedule", "pauseSchedule",
        "resumeSchedule", "addBreakpoint", "removeBreakpoint", "pruneSessions", "removeSession",
    ]

    /// The scope `operationID` needs.
    static func required(for operationID: String, metricsAuth: Bool) -> Scope? {
        if publicOperations.contains(operationID) { return nil }
        if operationID == "getMetrics" && !metricsAuth { return nil }
        if admin.contains(operationID) { return .admin }
        if operate.contains(operationID) { return .operate }
        return .read
    }
}
