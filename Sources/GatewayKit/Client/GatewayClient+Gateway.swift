import OpenAPIRuntime

/// Shapes the client returns: the API's own schema types.
package typealias HealthInfo = Components.Schemas.Health
package typealias GatewayInfo = Components.Schemas.GatewayState
package typealias ReloadInfo = Components.Schemas.ReloadResult

extension GatewayClient {
    /// `GET /health`.
    package func health() async throws -> HealthInfo {
        try await call { try await api.getHealth(.init()).ok.body.json }
    }

    /// `GET /gateway`.
    package func gateway() async throws -> GatewayInfo {
        try await call { try await api.getGateway(.init()).ok.body.json }
    }

    /// `GET /metrics` as Prometheus text.
    package func metricsText() async throws -> String {
        try await call {
            let body = try await api.getMetrics(.init()).ok.body.plainText
            return try await String(collecting: body, upTo: 16 << 20)
        }
    }

    /// `GET /openapi.yaml`.
    package func openAPIDocument() async throws -> String {
        try await call {
            let body = try await api.getOpenAPIDocument(.init()).ok.body.yaml
            return try await String(collecting: body, upTo: 16 << 20)
        }
    }

    /// `POST /gateway/pause` or `/resume`; returns the new pause state.
    package func setPaused(_ paused: Bool, reason: String? = nil) async throws -> Bool {
        try await call {
            let body = Components.Schemas.ReasonRequest(reason: reason)
            return paused
                ? try await api.pauseGateway(.init(body: .json(body))).ok.body.json.paused
                : try await api.resumeGateway(.init(body: .json(body))).ok.body.json.paused
        }
    }

    /// `POST /gateway/reload`.
    package func reload() async throws -> ReloadInfo {
        try await call { try await api.reloadGateway(.init()).ok.body.json }
    }
}
