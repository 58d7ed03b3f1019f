import Foundation

/// A request of either OpenAI API (`/v1/chat/completions`, `/v1/responses`), reduced to what the
/// pipeline gets: the input `{messages, prompt, model, stream}` (DESIGN §6).
struct OpenAIChatRequest: Sendable, Hashable {
    /// The pipeline id asked for as `model`.
    var model: String
    /// Chat messages `{role, content}`, in order.
    var messages: [JSONValue]
    /// Whether the answer is an SSE stream.
    var stream: Bool
    /// `stream_options.include_usage`: end a chat stream with a usage-only chunk.
    var includeUsage: Bool

    /// The text of the last user message ("" when there is none).
    var prompt: String {
        let user = messages.last { $0["role"]?.stringValue == "user" }
        return Self.text(of: user?["content"])
    }

    /// The pipeline input `{messages, prompt, model, stream}`.
    var pipelineInput: JSONValue {
        ["messages": .array(messages), "prompt": .string(prompt), "model": .string(model), "stream": .bool(stream)]
    }

    /// Reads a chat completion request.
    /// - Throws: 400 `bad_request` naming the field at fault.
    static func chatCompletion(_ body: JSONValue) throws -> OpenAIChatRequest {
        let model = try Self.model(body)
        guard let messages = body["messages"]?.arrayValue, !messages.isEmpty else {
            throw Self.invalid("messages", "messages must be a non-empty array of {role, content}")
        }
        for message in messages where message["role"]?.stringValue == nil {
            throw Self.invalid("messages", "every message needs a role")
        }
        let includeUsage = body["stream_options"]?["include_usage"] == .bool(true)
        return OpenAIChatRequest(model: model, messages: messages, stream: body["stream"] == .bool(true),
                                 includeUsage: includeUsage)
    }

    /// Reads a Responses API request: `input` (a string or a list of messages) after `instructions`.
    /// - Throws: 400 `bad_request` naming the field at fault.
    static func response(_ body: JSONValue) throws -> OpenAIChatRequest {
        let model = try Self.model(body)
        var messages: [JSONValue] = []
        if let instructions = body["instructions"]?.stringValue {
            messages.append(["role": "system", "content": .string(instructions)])
        }
        switch body["input"] {
        case .string(let text):
            messages.append(["role": "user", "content": .string(text)])
        case .array(let items):
            for item in items where item["type"] == nil || item["type"] == "message" {
                let role = item["role"]?.stringValue ?? "user"
                messages.append(["role": .string(role), "content": .string(Self.text(of: item["content"]))])
            }
        default:
            throw Self.invalid("input", "input must be a string or a list of messages")
        }
        return OpenAIChatRequest(model: model, messages: messages, stream: body["stream"] == .bool(true), includeUsage: true)
    }

    /// The text of a message's content: a string, or the `text` of each part of a content list.
    static func text(of content: JSONValue?) -> String {
        switch content {
        case .string(let s): return s
        case .array(let parts): return parts.compactMap { $0["text"]?.stringValue ?? $0.stringValue }.joined()
        default: return ""
        }
    }

    private static func model(_ body: JSONValue) throws -> String {
        guard let model = body["model"]?.stringValue, !model.isEmpty else {
            throw Self.invalid("model", "model is required: the id of a pipeline with openai: true (GET /v1/models)")
        }
        return model
    }

    private static func invalid(_ param: String, _ message: String) -> GatewayError {
        GatewayError(.badRequest, message, details: ["param": .string(param)])
    }
}
