import Foundation
import OpenAPIRuntime

/// One message of a chat (`{role, content}`): `user`, `assistant` or `system`.
package struct ChatMessage: Sendable, Hashable {
    package var role: String
    package var content: String

    /// A message from `role`.
    package init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

extension GatewayClient {
    /// `POST /v1/chat/completions` with `stream: true`: the pipeline `model` answers `messages`; each text
    /// delta goes to `onDelta` as it arrives.
    /// - Returns: the whole reply.
    /// - Throws: `GatewayError` (`model_not_found`, `pipeline_failed`…), also when the run fails mid-stream;
    ///   `GatewayClientError.unreachable` when no gateway answers.
    package func chat(model: String, messages: [ChatMessage],
                      onDelta: (String) async throws -> Void) async throws -> String {
        let request: JSONValue = [
            "model": .string(model), "stream": true,
            "messages": .array(messages.map { ["role": .string($0.role), "content": .string($0.content)] }),
        ]
        let object = try Components.Schemas.OpenAIObject(json: request)
        let body = try await call {
            try await longPollAPI.createChatCompletion(.init(
                headers: .init(accept: [.init(contentType: .textEventStream)]), body: .json(object)
            )).ok.body.textEventStream
        }
        var reply = ""
        for try await event in body.asDecodedServerSentEvents() {
            guard let data = event.data, !data.isEmpty, data != "[DONE]" else { continue }
            let chunk = try JSONValue.parse(Data(data.utf8))
            if let error = chunk["error"], error != .null {
                throw GatewayError(GatewayError.Code(error["code"]?.stringValue ?? "pipeline_failed", status: 500),
                                   error["message"]?.stringValue ?? "the pipeline failed")
            }
            guard let text = chunk["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue, !text.isEmpty else { continue }
            reply += text
            try await onDelta(text)
        }
        return reply
    }
}
