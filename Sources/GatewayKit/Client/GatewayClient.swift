import AsyncHTTPClient
public import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// The one client of the gateway API, used by every `gw` subcommand, the tests and embedders.
///
/// It wraps the client generated from `openapi.yaml`: methods unwrap the success case and every
/// error status arrives as a thrown `GatewayError` (code and message from the error body);
/// a gateway that cannot be reached throws `GatewayClientError.unreachable`.
public struct GatewayClient: Sendable {
    let api: any APIProtocol
    /// The gateway's base URL.
    public let baseURL: URL

    /// A client for the gateway at `baseURL`, sending `token` as bearer token.
    /// - Parameter timeout: how long to wait for a response head (event streams may run longer).
    public init(baseURL: URL, token: String?, timeout: Duration = .seconds(120)) {
        self.baseURL = baseURL
        let seconds = Int64(timeout.components.seconds)
        let transport = AsyncHTTPClientTransport(configuration: .init(client: Self.httpClient, timeout: .seconds(seconds)))
        api = Client(serverURL: baseURL, transport: transport,
                     middlewares: [ClientAuthMiddleware(token: token), ClientErrorMiddleware()])
    }

    /// One HTTP client for the process: fails fast (5 s connect, no connect retries) when no gateway listens.
    /// A global, so it is never deinitialized unshut.
    static let httpClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(5)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// Calls `body` and turns transport failures into `GatewayClientError.unreachable`.
    func call<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ClientError {
            if let inner = error.underlyingError as? GatewayError { throw inner }
            if error.underlyingError is CancellationError || Task.isCancelled { throw CancellationError() }
            if error.response == nil {
                throw GatewayClientError.unreachable(baseURL.absoluteString, String(describing: error.underlyingError))
            }
            throw GatewayClientError.unexpectedResponse("\(error.operationID): \(error.causeDescription) \(error.underlyingError)")
        }
    }

    /// The documented success cases; anything else is an unexpected response.
    static func unexpected(_ what: String) -> GatewayClientError { .unexpectedResponse(what) }
}

/// Failures of the client itself (not answers of the gateway).
public enum GatewayClientError: Error, Sendable, CustomStringConvertible {
    /// No gateway answered at this address.
    case unreachable(String, String)
    /// The gateway answered something the contract does not describe.
    case unexpectedResponse(String)

    public var description: String {
        switch self {
        case .unreachable(let address, let why): "cannot reach the gateway at \(address): \(why)"
        case .unexpectedResponse(let what): "unexpected response from the gateway: \(what)"
        }
    }
}

/// Sends the bearer token.
struct ClientAuthMiddleware: ClientMiddleware {
    let token: String?

    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?)
    {
        var request = request
        if let token { request.headerFields[.authorization] = "Bearer \(token)" }
        return try await next(request, body, baseURL)
    }
}

/// Turns every error status into a thrown `GatewayError` carrying the body's code and message.
struct ClientErrorMiddleware: ClientMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?)
    {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard response.status.code >= 400 else { return (response, responseBody) }
        var data = Data()
        if let responseBody { data = try await Data(collecting: responseBody, upTo: 1 << 20) }
        let parsed: JSONValue? = try? JSONValue.parse(data)
        let inner: JSONValue? = parsed?["error"]
        let code = inner?["code"]?.stringValue ?? "http_\(response.status.code)"
        let message = inner?["message"]?.stringValue ?? String(decoding: data.prefix(500), as: UTF8.self)
        throw GatewayError(GatewayError.Code(code, status: response.status.code),
                           message.isEmpty ? "HTTP \(response.status.code)" : message,
                           details: inner?["details"])
    }
}
