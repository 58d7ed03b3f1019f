import Foundation

/// One `infer` step's call, resolved from its evaluated fields and the backend of `gw.yaml`:
/// where to send it, the key to send (never logged or shown) and the streaming chat completion body.
struct InferRequest: Sendable {
    /// The backend's name in `gw.yaml`.
    var backend: String
    /// `<baseURL>/chat/completions`.
    var url: String
    /// The API key read from the backend's `apiKeyEnv`.
    var apiKey: String?
    /// The `/chat/completions` body (`stream: true` with usage).
    var body: JSONValue
    /// `json`: `true` (parse the reply) or a schema (parse and validate); nil for text.
    var json: JSONValue?

    /// Resolves the request.
    /// - Parameters:
    ///   - fields: the step's fields, evaluated.
    ///   - backends: the backends of `gw.yaml`.
    ///   - environment: where `apiKeyEnv` is read.
    /// - Throws: `StepFailure` for a missing backend, model, key or malformed messages.
    static func resolve(_ fields: [String: JSONValue], backends: [String: GatewayConfig.Backend],
                        environment: [String: String], stepId: String) throws -> InferRequest {
        func fail(_ code: String, _ message: String) -> StepFailure {
            StepFailure(failure: RunFailure(code: code, message: message, stepId: stepId))
        }
        let named = fields["backend"]?.stringValue ?? (backends.count == 1 ? backends.keys.first : nil)
        guard let name = named, let backend = backends[name] else {
            throw fail("no_backend", "infer step '\(stepId)' needs a backend (configured in gw.yaml backends)")
        }
        guard let model = fields["model"]?.stringValue ?? backend.model else {
            throw fail("no_model", "infer step '\(stepId)' needs a model (the step's model or backends.\(name).model)")
        }
        var apiKey: String?
        if let variable = backend.apiKeyEnv {
            guard let key = environment[variable], !key.isEmpty else {
                throw fail("missing_api_key", "backend '\(name)': environment variable \(variable) is not set")
            }
            apiKey = key
        }
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": .array(try messages(fields, fail: fail)), "stream": true,
            "stream_options": ["include_usage": true],
        ]
        if let temperature = fields["temperature"]?.numberValue { body["temperature"] = .number(temperature) }
        if let maxTokens = fields["maxTokens"]?.numberValue { body["max_tokens"] = .number(maxTokens) }
        let json = fields["json"].flatMap { $0 == .bool(false) || $0 == .null ? nil : $0 }
        if json != nil { body["response_format"] = ["type": "json_object"] }
        let base = backend.baseURL.hasSuffix("/") ? String(backend.baseURL.dropLast()) : backend.baseURL
        return InferRequest(backend: name, url: base + "/chat/completions", apiKey: apiKey, body: .object(body), json: json)
    }

    /// `system` first, then `messages` (each `{role, content}`) or `prompt` as one user message.
    private static func messages(_ fields: [String: JSONValue], fail: (String, String) -> StepFailure) throws -> [JSONValue] {
        var out: [JSONValue] = []
        if let system = fields["system"], system != .null {
            out.append(["role": "system", "content": .string(system.stringValue ?? system.jsonString)])
        }
        if let messages = fields["messages"] {
            guard let list = messages.arrayValue, list.allSatisfy({ $0["role"]?.stringValue != nil }) else {
                throw fail("invalid_messages", "messages must be a list of {role, content}")
            }
            out.append(contentsOf: list)
        } else if let prompt = fields["prompt"] {
            out.append(["role": "user", "content": .string(prompt.stringValue ?? prompt.jsonString)])
        }
        return out
    }
}
