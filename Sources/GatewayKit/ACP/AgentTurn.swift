import Foundation
import Synchronization

/// What a step supplies to one prompt turn: where streamed text and tool activity go, and how a
/// permission request is decided (true = allow).
struct TurnHooks: Sendable {
    var text: @Sendable (String) async -> Void
    var log: @Sendable (String) async -> Void
    var permission: @Sendable (_ title: String) async throws -> Bool
}

/// One `session/prompt` on a live agent: serves fs and permission requests, relays `session/update`s,
/// and sends `session/cancel` when the task is cancelled.
struct AgentTurn: Sendable {
    let agent: LiveAgent
    let acpSessionId: String
    let files: SessionFiles
    let hooks: TurnHooks

    /// Sends the prompt and waits for its end; returns the agent's text and stop reason.
    /// - Throws: `ACPError` (agent error, exit, bad output), `CancellationError`.
    func run(prompt: String) async throws -> (text: String, stopReason: String) {
        let collected = Mutex("")
        agent.connection.setHandlers(request: { method, params in try await answer(method, params) },
                                     notification: { method, params in
            guard method == "session/update", params["sessionId"]?.stringValue == acpSessionId else { return }
            if let text = await relay(params["update"] ?? .null) { collected.withLock { $0 += text } }
        })
        defer {
            agent.connection.setHandlers(request: nil, notification: nil)
            agent.connection.cancelRequests()
        }
        let reply: JSONValue
        do {
            reply = try await agent.connection.request("session/prompt", [
                "sessionId": .string(acpSessionId), "prompt": [["type": "text", "text": .string(prompt)]],
            ])
        } catch is CancellationError {
            agent.connection.notify("session/cancel", ["sessionId": .string(acpSessionId)])
            throw CancellationError()
        }
        return (collected.withLock { $0 }, reply["stopReason"]?.stringValue ?? "end_turn")
    }

    /// Relays one update; returns the text of an agent message chunk.
    private func relay(_ update: JSONValue) async -> String? {
        switch update["sessionUpdate"]?.stringValue {
        case "agent_message_chunk":
            guard let text = update["content"]?["text"]?.stringValue, !text.isEmpty else { return nil }
            await hooks.text(text)
            return text
        case "tool_call":
            let title = update["title"]?.stringValue ?? "tool"
            let kind = update["kind"]?.stringValue.map { " (\($0))" } ?? ""
            let (id, status) = (update["toolCallId"]?.stringValue ?? "?", update["status"]?.stringValue ?? "pending")
            await hooks.log("tool call \(id): \(title)\(kind) \(status)")
        case "tool_call_update":
            if let status = update["status"]?.stringValue {
                await hooks.log("tool call \(update["toolCallId"]?.stringValue ?? "?"): \(status)")
            }
        default: break
        }
        return nil
    }

    /// Answers a request of the agent.
    private func answer(_ method: String, _ params: JSONValue) async throws -> JSONValue {
        guard params["sessionId"]?.stringValue == acpSessionId else { throw ACPError.refused("unknown sessionId") }
        do {
            switch method {
            case "fs/read_text_file": return try files.read(params)
            case "fs/write_text_file": return try files.write(params)
            case "session/request_permission": return try await permission(params)
            default: throw ACPError.refused("gw does not offer \(method)", code: -32601)
            }
        } catch let error as ACPError where method.hasPrefix("fs/") {
            await hooks.log("refused \(method): \(error.message)")
            throw error
        }
    }

    /// Picks the option matching the decision: `allow_once`/`allow_always`, or `reject_once`/`reject_always`;
    /// `cancelled` when the agent offered no such option.
    private func permission(_ params: JSONValue) async throws -> JSONValue {
        let title = params["toolCall"]?["title"]?.stringValue ?? params["toolCall"]?["toolCallId"]?.stringValue ?? "a tool call"
        let allowed: Bool
        do {
            allowed = try await hooks.permission(title)
        } catch is CancellationError {
            return ["outcome": ["outcome": "cancelled"]]
        }
        await hooks.log("permission for \(title): \(allowed ? "allowed" : "denied")")
        let options = params["options"]?.arrayValue ?? []
        let kinds = allowed ? ["allow_once", "allow_always"] : ["reject_once", "reject_always"]
        for kind in kinds {
            if let option = options.first(where: { $0["kind"]?.stringValue == kind }), let id = option["optionId"] {
                return ["outcome": ["outcome": "selected", "optionId": id]]
            }
        }
        return ["outcome": ["outcome": "cancelled"]]
    }
}
