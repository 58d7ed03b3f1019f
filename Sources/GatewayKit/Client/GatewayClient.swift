import AsyncHTTPClient
public import Foundation
import HTTPTypes
import NIOCore
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// The one client of the gateway API, used by every `gw` subcommand, the tests and embedders.
///
/// It wraps the client generated from `openapi.yaml`: methods unwrap the success case and every
/// error status arrives as a thrown `GatewayError` (code and message from the error body);
/// a gateway that cannot be reached throws `GatewayClientError.unreachable`.
public struct GatewayClient: Sendable {
    /// Ordinary calls: the response head must arrive within `timeout`.
    let api: any APIProtocol
    /// Streams (SSE event streams): no total deadline, only the connect timeout and a read-idle timeout
    /// that the gateway's keep-alive comments (every 15 s) reset. Made on use, so a command that streams
    /// nothing never creates the streaming HTTP client (start-up time).
    var streamingAPI: any APIProtocol { Self.makeAPI(baseURL, token, client: Self.streamingHTTPClient, deadline: Self.noDeadline) }
    /// Long polls whose answer comes only when the work ends (a streamed chat answers at its first
    /// delta): no total deadline and no idle timeout, only the connect timeout.
    var longPollAPI: any APIProtocol { Self.makeAPI(baseURL, token, client: Self.httpClient, deadline: Self.noDeadline) }
    let token: String?
    /// The gateway's base URL.
    public let baseURL: URL

    /// How long past the requested `wait` the client waits for the gateway's answer to a synchronous run
    /// (the gateway answers 202 at the end of `wait`; this covers a slow network or a busy gateway).
    static let waitMargin: Double = 60
    /// No total deadline: ten years, as AsyncHTTPClient always takes one.
    static let noDeadline = TimeAmount.hours(24 * 365 * 10)

    /// A client for the gateway at `baseURL`, sending `token` as bearer token.
    /// - Parameter timeout: how long ordinary calls wait for a response head. Streams and long polls
    ///   (`runPipeline`'s wait, event streams, chat) have no total deadline: see `streamingAPI`, `longPollAPI`.
    public init(baseURL: URL, token: String?, timeout: Duration = .seconds(120)) {
        self.baseURL = baseURL
        self.token = token
        let seconds = Int64(timeout.components.seconds)
        api = Self.makeAPI(baseURL, token, client: Self.httpClient, deadline: .seconds(seconds))
    }

    /// The generated client over `client`, with the auth and error middlewares.
    static func makeAPI(_ baseURL: URL, _ token: String?, client: HTTPClient, deadline: TimeAmount) -> any APIProtocol {
        let transport = AsyncHTTPClientTransport(configuration: .init(client: client, timeout: deadline))
        return Client(serverURL: baseURL, transport: transport,
                      middlewares: [ClientAuthMiddleware(token: token), ClientErrorMiddleware()])
    }

    /// A client whose answer may take `wait` (a duration such as `5m`) plus `waitMargin`: the synchronous run.
    func waitingAPI(_ wait: String?) -> any APIProtocol {
        let seconds = Self.deadlineSeconds(forWait: wait)
        let nanos = seconds >= Double(Self.noDeadline.nanoseconds) / 1e9 ? Self.noDeadline : .nanoseconds(Int64(seconds * 1e9))
        return Self.makeAPI(baseURL, token, client: Self.httpClient, deadline: nanos)
    }

    /// How long a synchronous run with `?wait=wait` may take to answer: the wait (default 30 s) plus `waitMargin`.
    static func deadlineSeconds(forWait wait: String?) -> Double {
        (wait.flatMap(DurationParser.parse) ?? 30) + waitMargin
    }

    /// One HTTP client for the process: fails fast (5 s connect, no connect retries) when no gateway listens.
    /// A global, so it is never deinitialized unshut.
    static let httpClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(5)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// The HTTP client of event streams: as `httpClient`, plus a 60 s read-idle timeout (four missed
    /// keep-alives) so a gateway that vanished without closing the connection is noticed.
    static let streamingHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(5)
        configuration.timeout.read = .seconds(60)
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
