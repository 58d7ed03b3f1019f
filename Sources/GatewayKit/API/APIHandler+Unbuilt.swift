import OpenAPIRuntime

// Operations whose capability is not built yet answer 501 `not_implemented` in the error shape.
// Each moves to its tag's `APIHandler+<Tag>.swift` when its issue lands.
extension APIHandler {
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

}
