import Foundation

/// Human messages for JSON decoding failures: `invalid_json` for bad syntax, `bad_request` for a wrong shape.
enum DecodingErrorMessage {
    static func gatewayError(_ error: DecodingError) -> GatewayError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return GatewayError(.invalidJSON, "the request body is not valid JSON: \(underlying(context))")
        case .dataCorrupted(let context):
            return GatewayError(.badRequest, "invalid value at \(path(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return GatewayError(.badRequest, "missing field \(path(context.codingPath + [key]))")
        case .typeMismatch(let type, let context):
            return GatewayError(.badRequest, "wrong type at \(path(context.codingPath)): expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return GatewayError(.badRequest, "missing value at \(path(context.codingPath)): expected \(describe(type))")
        @unknown default:
            return GatewayError(.badRequest, "invalid request body: \(error)")
        }
    }

    private static func underlying(_ context: DecodingError.Context) -> String {
        if let inner = context.underlyingError as NSError? { return inner.localizedDescription }
        return context.debugDescription
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : "/" + keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("String") { return "a string" }
        if name.contains("Int") || name.contains("Double") { return "a number" }
        if name.contains("Bool") { return "a boolean" }
        if name.contains("Array") { return "an array" }
        return "an object"
    }
}
