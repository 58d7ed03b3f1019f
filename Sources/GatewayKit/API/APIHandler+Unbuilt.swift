import OpenAPIRuntime

// Operations whose capability is not built yet answer 501 `not_implemented` in the error shape.
// Each moves to its tag's `APIHandler+<Tag>.swift` when its issue lands.
extension APIHandler {
    package func resumeRun(_ input: Operations.ResumeRun.Input) async throws -> Operations.ResumeRun.Output {
        throw GatewayError.notImplemented("resuming runs")
    }

    package func approveRun(_ input: Operations.ApproveRun.Input) async throws -> Operations.ApproveRun.Output {
        throw GatewayError.notImplemented("approvals")
    }

    package func denyRun(_ input: Operations.DenyRun.Input) async throws -> Operations.DenyRun.Output {
        throw GatewayError.notImplemented("approvals")
    }

    package func listApprovals(_ input: Operations.ListApprovals.Input) async throws -> Operations.ListApprovals.Output {
        throw GatewayError.notImplemented("approvals")
    }

    package func listSessions(_ input: Operations.ListSessions.Input) async throws -> Operations.ListSessions.Output {
        throw GatewayError.notImplemented("agent sessions")
    }

    package func pruneSessions(_ input: Operations.PruneSessions.Input) async throws -> Operations.PruneSessions.Output {
        throw GatewayError.notImplemented("agent sessions")
    }

    package func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        throw GatewayError.notImplemented("agent sessions")
    }

    package func removeSession(_ input: Operations.RemoveSession.Input) async throws -> Operations.RemoveSession.Output {
        throw GatewayError.notImplemented("agent sessions")
    }

    package func resumeSession(_ input: Operations.ResumeSession.Input) async throws -> Operations.ResumeSession.Output {
        throw GatewayError.notImplemented("agent sessions")
    }

    package func listBreakpoints(_ input: Operations.ListBreakpoints.Input) async throws -> Operations.ListBreakpoints.Output {
        throw GatewayError.notImplemented("debug breakpoints")
    }

    package func addBreakpoint(_ input: Operations.AddBreakpoint.Input) async throws -> Operations.AddBreakpoint.Output {
        throw GatewayError.notImplemented("debug breakpoints")
    }

    package func removeBreakpoint(_ input: Operations.RemoveBreakpoint.Input) async throws -> Operations.RemoveBreakpoint.Output {
        throw GatewayError.notImplemented("debug breakpoints")
    }

    package func listDebugRuns(_ input: Operations.ListDebugRuns.Input) async throws -> Operations.ListDebugRuns.Output {
        throw GatewayError.notImplemented("debug breakpoints")
    }

    package func releaseRun(_ input: Operations.ReleaseRun.Input) async throws -> Operations.ReleaseRun.Output {
        throw GatewayError.notImplemented("debug breakpoints")
    }

    package func listAudit(_ input: Operations.ListAudit.Input) async throws -> Operations.ListAudit.Output {
        throw GatewayError.notImplemented("the audit log")
    }

    package func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        throw GatewayError.notImplemented("the audit log")
    }

    package func listModels(_ input: Operations.ListModels.Input) async throws -> Operations.ListModels.Output {
        throw GatewayError.notImplemented("the OpenAI-compatible surface")
    }

    package func createChatCompletion(_ input: Operations.CreateChatCompletion.Input) async throws -> Operations.CreateChatCompletion.Output {
        throw GatewayError.notImplemented("the OpenAI-compatible surface")
    }

    package func createResponse(_ input: Operations.CreateResponse.Input) async throws -> Operations.CreateResponse.Output {
        throw GatewayError.notImplemented("the OpenAI-compatible surface")
    }
}
