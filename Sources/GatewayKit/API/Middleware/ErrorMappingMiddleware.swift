import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime

/// Turns every failure into the contract's error JSON (OpenAI's error object under `/v1/`), once, at the boundary.
struct ErrorMappingMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let gatewayError = map(error, request: request)
            if gatewayError.status >= 500 && gatewayError.code != .notImplemented {
                // The cause only: a ServerError's description carries the request, Authorization header included.
                let cause = (error as? ServerError)?.underlyingError ?? error
                logger.error("\(request.method) \(request.uri.path) failed: \(String(describing: cause))")
            } else {
                logger.debug("\(request.method) \(request.uri.path): \(gatewayError.code) \(gatewayError.message)")
            }
            return Self.response(for: gatewayError, openAI: request.uri.path.hasPrefix("/v1/"))
        }
    }

    /// The error JSON response for `error`.
    static func response(for error: GatewayError, openAI: Bool) -> Response {
        let body: JSONValue = openAI ? OpenAIErrorBody.make(error) : error.body
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        for (name, value) in error.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .init(code: error.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(data: body.jsonData())))
    }

    private func map(_ error: any Error, request: Request) -> GatewayError {
        switch error {
        case let e as GatewayError:
            return e
        case let e as ServerError:
            return mapServerError(e)
        case let e as HTTPError:
            return mapHTTPError(e, request: request)
        default:
            return GatewayError(.internalError, "internal error: \(error)")
        }
    }

    private func mapServerError(_ e: ServerError) -> GatewayError {
        if let inner = e.underlyingError as? GatewayError { return inner }
        if let inner = e.underlyingError as? HTTPError, inner.status == .contentTooLarge {
            return GatewayError(.payloadTooLarge, "the request body is larger than the limit")
        }
        guard e.operationInput == nil else {
            return GatewayError(.internalError, "internal error in \(e.operationID): \(e.underlyingError)")
        }
        if let decoding = e.underlyingError as? DecodingError ?? findDecodingError(e.underlyingError) {
            return DecodingErrorMessage.gatewayError(decoding)
        }
        return GatewayError(.badRequest, "bad request: \(e.causeDescription): \(e.underlyingError)")
    }

    private func findDecodingError(_ error: any Error) -> DecodingError? {
        let mirror = Mirror(reflecting: error)
        for child in mirror.children {
            if let d = child.value as? DecodingError { return d }
            if let nested = child.value as? any Error, let d = findDecodingError(nested) { return d }
        }
        return nil
    }

    private func mapHTTPError(_ e: HTTPError, request: Request) -> GatewayError {
        switch e.status {
        case .notFound:
            if let methods = routes.methods(for: request.uri.path), !methods.contains(request.method.rawValue) {
                return GatewayError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path) (allowed: \(methods.sorted().joined(separator: ", ")))",
                                    headers: ["Allow": methods.sorted().joined(separator: ", ")])
            }
            return GatewayError(.notFound, "no route for \(request.method) \(request.uri.path)")
        case .contentTooLarge:
            return GatewayError(.payloadTooLarge, "the request body is larger than the limit")
        case .methodNotAllowed:
            return GatewayError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path)")
        default:
            let code = e.status.code >= 500 ? GatewayError.Code.internalError : GatewayError.Code("bad_request", status: e.status.code)
            return GatewayError(code, e.body ?? e.status.reasonPhrase)
        }
    }
}
