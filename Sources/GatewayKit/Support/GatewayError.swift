import Foundation
import HTTPTypes

/// The one error type of the gateway: a stable snake_case code, an HTTP status and a message safe to show.
public struct GatewayError: Error, Sendable, CustomStringConvertible {
    /// A stable error code (`not_found`, `gateway_paused`, …); extensible, compared by value.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The snake_case text of the code as it appears in error bodies.
        public let rawValue: String
        /// The HTTP status this code answers with.
        public let status: Int
        public init(_ rawValue: String, status: Int) {
            self.rawValue = rawValue
            self.status = status
        }
        public var description: String { rawValue }
        public static func == (a: Code, b: Code) -> Bool { a.rawValue == b.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and, where useful, what to do about it.
    public var message: String
    /// Structured details (validation errors, load errors).
    public var details: JSONValue?
    /// Extra response headers (`Retry-After`).
    public var headers: [String: String]

    public init(_ code: Code, _ message: String, details: JSONValue? = nil, headers: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { message }

    /// The HTTP status of this error.
    public var status: Int { code.status }

    /// The JSON body `{"error": {code, message, details?}}`.
    public var body: JSONValue {
        var inner: [String: JSONValue] = ["code": .string(code.rawValue), "message": .string(message)]
        if let details { inner["details"] = details }
        return ["error": .object(inner)]
    }
}

// MARK: - Codes

extension GatewayError.Code {
    public static let invalidJSON = Self("invalid_json", status: 400)
    public static let badRequest = Self("bad_request", status: 400)
    public static let unauthorized = Self("unauthorized", status: 401)
    public static let forbidden = Self("forbidden", status: 403)
    public static let notAnApprover = Self("not_an_approver", status: 403)
    public static let notFound = Self("not_found", status: 404)
    public static let methodNotAllowed = Self("method_not_allowed", status: 405)
    public static let alreadyTerminal = Self("already_terminal", status: 409)
    public static let notWaiting = Self("not_waiting", status: 409)
    public static let ambiguousStep = Self("ambiguous_step", status: 409)
    public static let noPendingApproval = Self("no_pending_approval", status: 409)
    public static let idempotencyConflict = Self("idempotency_conflict", status: 409)
    public static let notAtBreakpoint = Self("not_at_breakpoint", status: 409)
    public static let notTerminal = Self("not_terminal", status: 409)
    public static let declaredInPipeline = Self("declared_in_pipeline", status: 409)
    public static let alreadyExists = Self("already_exists", status: 409)
    public static let payloadTooLarge = Self("payload_too_large", status: 413)
    public static let invalidInput = Self("invalid_input", status: 422)
    public static let invalidPipelines = Self("invalid_pipelines", status: 422)
    public static let internalError = Self("internal_error", status: 500)
    public static let notImplemented = Self("not_implemented", status: 501)
    public static let gatewayPaused = Self("gateway_paused", status: 503)
    public static let overloaded = Self("overloaded", status: 503)
    public static let replayedDelivery = Self("replayed_delivery", status: 409)
    public static let overlapSkipped = Self("overlap_skipped", status: 409)
    public static let modelNotFound = Self("model_not_found", status: 404)
    public static let pipelineFailed = Self("pipeline_failed", status: 500)
    public static let expired = Self("expired", status: 409)
    public static let notResumable = Self("not_resumable", status: 409)
}

// MARK: - Constructors

extension GatewayError {
    /// A 404 naming what was not found.
    public static func notFound(_ what: String) -> GatewayError { GatewayError(.notFound, "\(what) not found") }

    /// A 501 for a route whose capability is not built yet.
    public static func notImplemented(_ what: String) -> GatewayError {
        GatewayError(.notImplemented, "\(what) is not implemented in this version of gw")
    }

    /// A 503 for new runs while the gateway is paused.
    public static var paused: GatewayError {
        GatewayError(.gatewayPaused, "the gateway is paused; new runs are refused until `gw gateway resume`",
                     headers: ["Retry-After": "30"])
    }
}
