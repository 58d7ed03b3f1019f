import Foundation
import OpenAPIRuntime

extension APIHandler {
    package func getGateway(_ input: Operations.GetGateway.Input) async throws -> Operations.GetGateway.Output {
        // With SQLite the gateway is one node: this process, seen now, holding the runs it drives.
        let node = Components.Schemas.Node(id: runtime.nodeId, listen: runtime.listenAddress,
                                           startedAt: Timestamp.format(runtime.startedAt), lastSeenAt: Timestamp.format(Date()),
                                           runsHeld: await runtime.engine.activeCount)
        return .ok(.init(body: .json(.init(
            paused: runtime.isPaused,
            version: GatewayVersion.current,
            startedAt: Timestamp.format(runtime.startedAt),
            listen: runtime.listenAddress,
            pipelines: runtime.pipelines.pipelines.count,
            runsInFlight: runtime.engine.runsInFlight,
            storage: .sqlite,
            nodes: [node]))))
    }

    package func pauseGateway(_ input: Operations.PauseGateway.Input) async throws -> Operations.PauseGateway.Output {
        try runtime.setPaused(true)
        let reason: String? = if case .json(let b)? = input.body { b.reason } else { nil }
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "gateway.pause", target: "gateway", reason: reason)
        runtime.logger.notice("gateway paused by \(RequestIdentity.actor)")
        return .ok(.init(body: .json(.init(paused: true))))
    }

    package func resumeGateway(_ input: Operations.ResumeGateway.Input) async throws -> Operations.ResumeGateway.Output {
        try runtime.setPaused(false)
        let reason: String? = if case .json(let b)? = input.body { b.reason } else { nil }
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "gateway.resume", target: "gateway", reason: reason)
        runtime.logger.notice("gateway resumed by \(RequestIdentity.actor)")
        return .ok(.init(body: .json(.init(paused: false))))
    }

    package func reloadGateway(_ input: Operations.ReloadGateway.Input) async throws -> Operations.ReloadGateway.Output {
        let result = try runtime.reload()
        try await runtime.audit.record(actor: RequestIdentity.actor, action: "gateway.reload", target: "pipelines",
                                       reason: "added \(result.added), removed \(result.removed), changed \(result.changed)")
        runtime.logger.notice("config and pipelines reloaded by \(RequestIdentity.actor): \(result.count) pipelines")
        return .ok(.init(body: .json(.init(pipelines: result.count, added: result.added, removed: result.removed,
                                           changed: result.changed, restartRequired: result.restartRequired))))
    }
}
