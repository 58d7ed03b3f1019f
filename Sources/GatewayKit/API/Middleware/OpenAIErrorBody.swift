/// OpenAI's error object, `{"error": {message, type, param, code}}`, used on `/v1/*`.
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
        let code = error.code == .notFound ? "model_not_found" : error.code.rawValue
        return ["error": ["message": .string(error.message), "type": .string(type), "param": .null, "code": .string(code)]]
    }
}
