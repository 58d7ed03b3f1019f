/// OpenAI's error object, `{"error": {message, type, param, code}}`, used on `/v1/*`.
///
/// The official SDKs pick their exception class from the HTTP status and show `message`; `code` is
/// always the gateway's code (`model_not_found`, `pipeline_failed`, `unauthorized`…) and `param`
/// names the request field at fault when the error's `details` carry one (`{"param": "model"}`).
enum OpenAIErrorBody {
    static func make(_ error: GatewayError) -> JSONValue {
        let type: String
        switch error.status {
        case 401: type = "authentication_error"
        case 403: type = "permission_error"
        case 404: type = "invalid_request_error"
        case 429: type = "rate_limit_error"
        case 500...: type = "server_error"
        default: type = "invalid_request_error"
        }
        let param: JSONValue = error.details?["param"]?.stringValue.map { .string($0) } ?? .null
        return ["error": ["message": .string(error.message), "type": .string(type), "param": param,
                          "code": .string(error.code.rawValue)]]
    }
}
