import HTTPTypes
import Synchronization

/// The CSRF check of requests signed in by the console cookie (DESIGN §11).
enum ConsoleCSRF {
    /// POST, PUT, PATCH and DELETE change state; they need the check.
    static func isStateChanging(_ method: HTTPRequest.Method) -> Bool {
        [.post, .put, .patch, .delete].contains(method)
    }

    /// True when the request carries the session's `X-CSRF-Token`, or an `Origin` equal to its own origin
    /// (`scheme://Host`; the scheme is `http` unless the connection was TLS).
    static func passes(_ request: HTTPRequest, session: ConsoleSessions.Session) -> Bool {
        if let token = request.headerFields[headerName] {
            return TokenVerifier.constantTimeEqual(Array(token.utf8), Array(session.csrfToken.utf8))
        }
        guard let origin = request.headerFields[.origin]?.lowercased(), origin != "null",
              let host = (request.authority ?? request.headerFields[HTTPField.Name("Host")!])?.lowercased() else { return false }
        return origin == "\(request.scheme?.lowercased() ?? "http")://\(host)"
    }

    static let headerName = HTTPField.Name("X-CSRF-Token")!
}

/// Console facts about the current request, for the session handlers.
enum ConsoleRequest {
    /// The console session that authenticated the request, nil for a bearer token or a public operation.
    @TaskLocal static var sessionId: String?
    /// True when the request came over TLS (the session cookie then gets `Secure`).
    @TaskLocal static var https = false
    /// Where a handler leaves the `Set-Cookie` value of its answer. The auth middleware adds it to the response
    /// as is (the generated code would percent-encode a declared header's value).
    @TaskLocal static var setCookie: CookieSlot?

    /// One `Set-Cookie` value, set by a handler.
    final class CookieSlot: Sendable {
        private let value = Mutex<String?>(nil)
        func set(_ cookie: String) { value.withLock { $0 = cookie } }
        var cookie: String? { value.withLock { $0 } }
    }
}

extension GatewayError.Code {
    /// A state-changing request signed in by the console cookie without a CSRF proof (403).
    static let csrfFailed = GatewayError.Code("csrf_failed", status: 403)
}
