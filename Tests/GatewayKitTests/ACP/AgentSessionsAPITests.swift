import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

/// An `agent` step and the `/sessions` routes in-process, with a scripted `sh` agent.
@Suite struct AgentSessionsAPITests {
    /// Answers initialize, session/new and one session/prompt (ids 1, 2, 3) with two message chunks.
    static let script = #"""
        read l; echo '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":1,"agentCapabilities":{"loadSession":true}}}'
        read l; echo '{"jsonrpc":"2.0","id":2,"result":{"sessionId":"acp-1"}}'
        read l
        echo '{"jsonrpc":"2.0","method":"session/update","params":{"sessionId":"acp-1","update":{"sessionUpdate":"agent_message_chunk","content":{"type":"text","text":"hi "}}}}'
        echo '{"jsonrpc":"2.0","method":"session/update","params":{"sessionId":"acp-1","update":{"sessionUpdate":"tool_call","toolCallId":"t","title":"grep","status":"pending"}}}'
        echo '{"jsonrpc":"2.0","method":"session/update","params":{"sessionId":"acp-1","update":{"sessionUpdate":"agent_message_chunk","content":{"type":"text","text":"there"}}}}'
        echo '{"jsonrpc":"2.0","id":3,"result":{"stopReason":"end_turn"}}'
        cat >/dev/null
        """#

    static var config: String {
        TestGateway.defaultConfigYAML() + "\n" + """
            agents:
              scripted:
                command: [sh, -c, \(JSONValue.string(script).jsonString)]
            """
    }

    static let pipeline = """
        id: talk
        steps:
          - { id: ask, kind: agent, agent: scripted, prompt: "hello", session: "k" }
        output: ${{ steps.ask.output }}
        """

    @Test func anAgentStepStreamsChunksAndRecordsTheSession() async throws {
        try await TestGateway.with(configYAML: Self.config, pipelines: ["talk.yaml": Self.pipeline]) { gw in
            let run = try await gw.run("talk").json
            #expect(run["status"] == "completed")
            #expect(run["output"]?["text"] == "hi there")
            let events = try await gw.events(run["runId"]!.stringValue!)
            #expect(events.filter { $0["type"] == "step.delta" }.map { $0["data"]?["text"] ?? .null } == ["hi ", "there"])
            #expect(events.contains { $0["type"] == "step.log" && $0["data"]?["line"] == "tool call t: grep pending" })
            let sessionId = run["output"]?["sessionId"]?.stringValue ?? ""
            let session = try await gw.request(.GET, "/sessions/\(sessionId)", token: "tok-read").json
            #expect(session["turns"] == 1 && session["state"] == "active" && session["acpSessionId"] == "acp-1")
            #expect(try await gw.request(.GET, "/sessions", token: "tok-read").json.arrayValue?.count == 1)
            #expect(try await gw.request(.DELETE, "/sessions/\(sessionId)", token: "tok-operate").status == 403)
            #expect(try await gw.request(.DELETE, "/sessions/\(sessionId)", token: "tok-admin").status == 204)
            #expect(try await gw.request(.GET, "/sessions/\(sessionId)", token: "tok-read").status == 404)
        }
    }

    @Test func sessionRoutesAnswerTheirErrors() async throws {
        try await TestGateway.with { gw in
            #expect(try await gw.request(.GET, "/sessions", token: "tok-read").json == [])
            #expect(try await gw.request(.POST, "/sessions/nope/resume", token: "tok-operate").status == 404)
            let bad = try await gw.request(.POST, "/sessions/prune", token: "tok-admin", body: #"{"olderThan": "soon"}"#)
            #expect(bad.status == 422 && bad.errorCode == "invalid_input")
            let pruned = try await gw.request(.POST, "/sessions/prune", token: "tok-admin", body: #"{"expired": true}"#)
            #expect(pruned.json == ["pruned": []])
        }
    }
}
