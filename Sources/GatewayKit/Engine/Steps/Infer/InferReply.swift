import Foundation

/// Turns a backend's reply into the `infer` step's output `{text, json?, usage}`.
enum InferReply {
    /// The step output. With `json` set the text is parsed (a Markdown code fence around it is allowed)
    /// and, when `json` is a schema, validated.
    /// - Throws: `StepFailure` `invalid_json_reply` or `schema_mismatch`.
    static func output(_ reply: BackendReply, json: JSONValue?, stepId: String) throws -> JSONValue {
        var out: [String: JSONValue] = ["text": .string(reply.text), "usage": usage(reply.usage)]
        guard let json else { return .object(out) }
        guard let parsed = try? JSONValue.parse(Data(unfenced(reply.text).utf8)) else {
            throw StepFailure(failure: RunFailure(code: "invalid_json_reply",
                                                  message: "the reply is not JSON: \(reply.text.prefix(200))", stepId: stepId))
        }
        if case .object = json {
            let violations = InputSchema(json).validate(parsed)
            guard violations.isEmpty else {
                let summary = violations.prefix(3).map(\.description).joined(separator: "; ")
                throw StepFailure(failure: RunFailure(code: "schema_mismatch",
                                                      message: "the JSON reply does not match the schema: \(summary)", stepId: stepId))
            }
        }
        out["json"] = parsed
        return .object(out)
    }

    /// `{prompt_tokens, completion_tokens, total_tokens}` from what the backend reported (zeros when nothing).
    static func usage(_ reported: JSONValue?) -> JSONValue {
        let prompt = reported?["prompt_tokens"]?.numberValue ?? 0
        let completion = reported?["completion_tokens"]?.numberValue ?? 0
        let total = reported?["total_tokens"]?.numberValue ?? prompt + completion
        return ["prompt_tokens": .number(prompt), "completion_tokens": .number(completion), "total_tokens": .number(total)]
    }

    /// The text inside a ```json … ``` fence, else the text itself, trimmed.
    static func unfenced(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("```"), trimmed.hasSuffix("```"), trimmed.count >= 6 else { return trimmed }
        var inner = trimmed.dropFirst(3).dropLast(3)
        if let newline = inner.firstIndex(of: "\n") { inner = inner[inner.index(after: newline)...] }
        return inner.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
