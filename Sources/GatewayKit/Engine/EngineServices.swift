import AsyncHTTPClient
import Foundation
import Logging

/// What step implementations need from the gateway, passed explicitly.
struct EngineServices: Sendable {
    /// The reloadable config and secrets (read at each use, so a reload applies to the next step).
    let settings: LiveSettings
    let metrics: GatewayMetrics
    var config: GatewayConfig { settings.config }
    /// Secret values by name (from `gw.yaml` `secrets`), redacted wherever shown.
    var secrets: [String: String] { settings.secrets }
    let httpClient: HTTPClient
    let logger: Logger
    /// Starts a child run for `invoke` and waits for its end.
    let invoke: @Sendable (_ pipelineId: String, _ input: JSONValue, _ parentRunId: String, _ depth: Int) async throws -> RunRecord
    /// Steps waiting for a person.
    var gates = GateRegistry()
    /// Runs waiting without a task: their deadlines, and signals on their way to the re-entered step.
    var parking = ParkingLot()
    /// Debug breakpoints (set by `Gateway.build` from the database).
    var breakpoints = BreakpointRegistry(entries: [])
    /// ACP agent sessions (set by `Gateway.build`).
    var sessions: AgentSessions?

    /// Reads every secret's value (env variable or file).
    /// - Throws: `GatewayError` naming a secret whose source is missing, or whose value is shorter than
    ///   `SecretRedaction.minimumLength` characters (masking it would mask half the world).
    static func loadSecrets(_ config: GatewayConfig, environment: [String: String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for (name, source) in config.secrets {
            switch source {
            case .env(let variable):
                guard let value = environment[variable] else {
                    throw GatewayError(.badRequest, "secret \(name): environment variable \(variable) is not set")
                }
                out[name] = value
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw GatewayError(.badRequest, "secret \(name): cannot read \(path)")
                }
                out[name] = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
            }
        }
        for (name, value) in out where value.count < SecretRedaction.minimumLength {
            throw GatewayError(.badRequest, "secret \(name): its value has \(value.count) character(s); secrets need at least "
                               + "\(SecretRedaction.minimumLength), since every occurrence of the value is masked as ***")
        }
        return out
    }
}
