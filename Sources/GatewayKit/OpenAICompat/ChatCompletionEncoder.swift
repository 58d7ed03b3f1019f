import Foundation

/// Chat Completions answers for a run: the `chat.completion` object and the SSE stream of
/// `chat.completion.chunk`s (role, content deltas, `finish_reason`, optional usage-only chunk, `[DONE]`).
struct ChatCompletionEncoder: OpenAIStreamEncoder {
    let id: String
    let model: String
    let created: JSONValue
    let includeUsage: Bool

    /// An encoder for the run `runId` answering as `model`.
    init(runId: String, model: String, created: Date, includeUsage: Bool) {
        self.id = "chatcmpl-\(runId)"
        self.model = model
        self.created = OpenAIRunResult.epoch(created)
        self.includeUsage = includeUsage
    }

    /// The non-streaming `chat.completion` object of a completed run.
    func completion(_ record: RunRecord) -> JSONValue {
        let message: JSONValue = ["role": "assistant", "content": .string(OpenAIRunResult.content(record.output)),
                                  "refusal": nil]
        return ["id": .string(id), "object": "chat.completion", "created": created, "model": .string(model),
                "choices": [["index": 0, "message": message, "finish_reason": "stop", "logprobs": nil]],
                "usage": OpenAIUsage(record: record).chatJSON, "system_fingerprint": nil]
    }

    // MARK: - Stream

    mutating func opening() -> String {
        frame(chunk(["role": "assistant", "content": ""], finish: nil))
    }

    mutating func delta(_ text: String) -> String {
        frame(chunk(["content": .string(text)], finish: nil))
    }

    mutating func closing(_ record: RunRecord) -> String {
        var out = frame(chunk([:], finish: "stop"))
        if includeUsage {
            out += frame(["id": .string(id), "object": "chat.completion.chunk", "created": created, "model": .string(model),
                          "choices": [], "usage": OpenAIUsage(record: record).chatJSON])
        }
        return out + "data: [DONE]\n\n"
    }

    mutating func failed(_ error: GatewayError) -> String {
        frame(OpenAIErrorBody.make(error)) + "data: [DONE]\n\n"
    }

    private func chunk(_ delta: JSONValue, finish: String?) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "object": "chat.completion.chunk", "created": created, "model": .string(model),
            "choices": [["index": 0, "delta": delta, "finish_reason": finish.map { .string($0) } ?? .null, "logprobs": nil]],
        ]
        if includeUsage { object["usage"] = .null }
        return .object(object)
    }

    private func frame(_ value: JSONValue) -> String { "data: \(value.jsonString)\n\n" }
}
