import Foundation

/// A running, initialized agent process serving one gateway session.
final class LiveAgent: Sendable {
    /// ACP protocol version gw speaks.
    static let protocolVersion = 1
    /// How long `initialize`, `session/new` and `session/load` may take.
    static let handshakeTimeout = 30.0

    let connection: ACPConnection
    /// Whether the agent advertised `loadSession`.
    let canLoadSession: Bool
    private let reader: Task<Void, Never>

    private init(connection: ACPConnection, canLoadSession: Bool, reader: Task<Void, Never>) {
        self.connection = connection
        self.canLoadSession = canLoadSession
        self.reader = reader
    }

    /// The process id.
    var pid: Int { Int(connection.process.pid) }

    /// Whether the process is gone or misbehaved.
    var isBroken: Bool { connection.failure != nil || connection.process.hasExited }

    /// Spawns the agent in `cwd` and negotiates the protocol (`initialize`).
    /// - Throws: `ACPError` or `ProcessRunnerError` with what went wrong.
    static func start(_ agent: GatewayConfig.Agent, cwd: String, environment: [String: String]) async throws -> LiveAgent {
        var env = ["PATH", "HOME", "LANG", "TMPDIR"].reduce(into: [String: String]()) { $0[$1] = environment[$1] }
        for (k, v) in agent.env { env[k] = v }
        let connection = ACPConnection(process: try AgentProcess(argv: agent.command, environment: env, cwd: cwd))
        let reader = Task { await connection.readLoop() }
        do {
            let reply = try await handshake(connection, "initialize", [
                "protocolVersion": .number(Double(protocolVersion)),
                "clientCapabilities": ["fs": ["readTextFile": true, "writeTextFile": true], "terminal": false],
                "clientInfo": ["name": "gw", "version": .string(GatewayVersion.current)],
            ])
            let version = Int(reply["protocolVersion"]?.numberValue ?? -1)
            guard version == protocolVersion else {
                throw ACPError.refused("the agent speaks ACP protocol version \(version); gw speaks \(protocolVersion)")
            }
            let load = reply["agentCapabilities"]?["loadSession"] == .bool(true)
            return LiveAgent(connection: connection, canLoadSession: load, reader: reader)
        } catch {
            await connection.process.stop()
            reader.cancel()
            throw error
        }
    }

    /// A handshake request with its own time limit.
    static func handshake(_ connection: ACPConnection, _ method: String, _ params: JSONValue) async throws -> JSONValue {
        do {
            return try await withTimeout(handshakeTimeout) { try await connection.request(method, params) }
        } catch is TimeoutExpired {
            throw ACPError.noAnswer(method, seconds: handshakeTimeout)
        }
    }

    /// `session/new` in `cwd`; returns the agent's session id.
    func newSession(cwd: String) async throws -> String {
        let reply = try await Self.handshake(connection, "session/new", ["cwd": .string(cwd), "mcpServers": []])
        guard let id = reply["sessionId"]?.stringValue else { throw ACPError.badOutput("session/new gave no sessionId") }
        return id
    }

    /// `session/load` of an earlier session (its replayed history is ignored).
    func loadSession(_ id: String, cwd: String) async throws {
        connection.setHandlers(request: nil, notification: nil)
        _ = try await Self.handshake(connection, "session/load", ["sessionId": .string(id), "cwd": .string(cwd), "mcpServers": []])
    }

    /// Closes stdin, then terminates the process group.
    func stop() async {
        await connection.process.stop()
        connection.fail(ACPError.refused("the agent process was stopped", code: -32000))
    }
}
