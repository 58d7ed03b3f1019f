import OpenAPIRuntime

/// A pending approval gate (`GET /approvals`).
package typealias PendingApproval = Components.Schemas.Approval

extension GatewayClient {
    /// `GET /approvals`: every pending approval gate.
    package func approvals() async throws -> [PendingApproval] {
        try await call { try await api.listApprovals(.init()).ok.body.json }
    }

    /// `POST /runs/:runId/approve`: approves a pending approval gate and returns the run.
    /// - Parameters:
    ///   - stepId: the approval step (needed when several are pending).
    ///   - reason: why (recorded in the event and the audit log).
    package func approveRun(_ runId: String, stepId: String? = nil, reason: String? = nil) async throws -> RunInfo {
        let request = Components.Schemas.DecisionRequest(stepId: stepId, reason: reason)
        return try await call {
            try await api.approveRun(.init(path: .init(runId: runId), body: .json(request))).ok.body.json
        }
    }

    /// `POST /runs/:runId/deny`: denies a pending approval gate and returns the run.
    /// - Parameters:
    ///   - stepId: the approval step (needed when several are pending).
    ///   - reason: why (recorded in the event and the audit log).
    package func denyRun(_ runId: String, stepId: String? = nil, reason: String? = nil) async throws -> RunInfo {
        let request = Components.Schemas.DecisionRequest(stepId: stepId, reason: reason)
        return try await call {
            try await api.denyRun(.init(path: .init(runId: runId), body: .json(request))).ok.body.json
        }
    }
}
