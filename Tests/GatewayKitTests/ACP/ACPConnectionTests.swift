import Foundation
import Testing
@testable import GatewayKit

/// The JSON-RPC peer against tiny `sh` agents that answer with canned lines.
@Suite struct ACPConnectionTests {
    private func connect(_ script: String) throws -> (ACPConnection, Task<Void, Never>) {
        let process = try AgentProcess(argv: ["sh", "-c", script], environment: ["PATH": "/usr/bin:/bin"], cwd: "/tmp")
        let connection = ACPConnection(process: process)
        return (connection, Task { await connection.readLoop() })
    }

    @Test func aRequestGetsItsResult() async throws {
        let (connection, reader) = try connect(#"read l; echo '{"jsonrpc":"2.0","id":1,"result":{"ok":true}}'; cat >/dev/null"#)
        #expect(try await connection.request("ping", [:]) == ["ok": true])
        await connection.process.stop()
        await reader.value
    }

    @Test func anErrorAnswerIsThrownWithItsCodeAndMessage() async throws {
        let (connection, _) = try connect(#"read l; echo '{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"nope"}}'; cat >/dev/null"#)
        await #expect { try await connection.request("x", [:]) } throws: { error in
            (error as? ACPError)?.message == "the agent answered x with error -32601: nope"
        }
        await connection.process.stop()
    }

    @Test func anExitMidRequestFailsItWithTheStatusAndStderr() async throws {
        let (connection, _) = try connect("read l; echo 'out of cheese' >&2; exit 3")
        await #expect { try await connection.request("session/prompt", [:]) } throws: { error in
            let message = (error as? ACPError)?.message ?? ""
            return message.contains("exited with status 3") && message.contains("out of cheese")
        }
    }

    @Test func invalidJSONStopsTheAgentAndFailsTheRequest() async throws {
        let (connection, _) = try connect("read l; echo 'hello, not json'; sleep 30")
        await #expect { try await connection.request("x", [:]) } throws: { error in
            (error as? ACPError)?.message.contains("invalid JSON-RPC") == true
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(connection.process.hasExited)
    }

    @Test func cancellingARequestStopsTheWait() async throws {
        let (connection, _) = try connect("cat >/dev/null")
        let waiting = Task { try await connection.request("session/prompt", [:]) }
        try await Task.sleep(for: .milliseconds(100))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        await connection.process.stop()
    }

    @Test func anUnsupportedProtocolVersionIsRefused() async throws {
        let agent = GatewayConfig.Agent(command: ["sh", "-c", #"read l; echo '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":7}}'; cat"#],
                                        env: [:], cwd: nil, idleTimeout: 60)
        await #expect { _ = try await LiveAgent.start(agent, cwd: "/tmp", environment: ["PATH": "/usr/bin:/bin"]) } throws: { error in
            (error as? ACPError)?.message.contains("version 7") == true
        }
    }
}
