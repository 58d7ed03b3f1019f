import AsyncHTTPClient
import Foundation
import GatewayKit
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// A real gateway on an ephemeral port in a temporary folder, for tests.
public struct TestGateway: Sendable {
    /// Base URL, e.g. `http://127.0.0.1:54321`.
    public let url: URL
    public let runtime: GatewayRuntime
    /// The temporary folder holding gw.yaml, pipelines/ and .gw/.
    public let directory: String

    /// Tokens every test gateway knows, by scope.
    public static let tokens: [String: String] = ["read": "tok-read", "operate": "tok-operate", "admin": "tok-admin"]

    /// The default config: three tokens, the pipelines folder and state inside `directory`.
    public static func defaultConfigYAML() -> String {
        """
        listen: 127.0.0.1:0
        auth:
          tokens:
            - { name: reader, token: tok-read, scopes: [read] }
            - { name: operator, token: tok-operate, scopes: [operate] }
            - { name: alice, token: tok-admin, scopes: [admin] }
        exec:
          allow: [echo, "true", sleep, sh]
        """
    }

    /// Starts a gateway, runs `body`, stops the gateway.
    /// - Parameters:
    ///   - configYAML: the text of gw.yaml (`listen` should be `127.0.0.1:0`).
    ///   - pipelines: file name → text, written to `pipelines/`.
    ///   - directory: reuse a folder (to test restarts); a fresh temporary one by default.
    public static func with(
        configYAML: String = defaultConfigYAML(), pipelines: [String: String] = [:], directory: String? = nil,
        environment: [String: String] = [:], _ body: @Sendable (TestGateway) async throws -> Void
    ) async throws {
        let dir = directory ?? makeTemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/pipelines", withIntermediateDirectories: true)
        try configYAML.write(toFile: dir + "/gw.yaml", atomically: true, encoding: .utf8)
        for (name, text) in pipelines { try text.write(toFile: dir + "/pipelines/" + name, atomically: true, encoding: .utf8) }
        let config = try GatewayConfig.load(file: dir + "/gw.yaml")
        var logger = Logger(label: "test-gateway")
        logger.logLevel = .warning
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let built = try await Gateway.build(config: config, environment: environment, logger: logger) { address in
            continuation.yield(address)
        }
        let group = ServiceGroup(services: built.services, gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = stream.makeAsyncIterator()
            guard let address = await iterator.next(), let url = URL(string: "http://\(address)") else {
                throw CancellationError()
            }
            let gateway = TestGateway(url: url, runtime: built.runtime, directory: dir)
            do {
                try await body(gateway)
                await group.triggerGracefulShutdown()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// A fresh temporary folder.
    public static func makeTemporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "gw-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Sends a request and returns status, headers and body text.
    public func request(_ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil,
                        headers: [String: String] = [:]) async throws -> TestResponse {
        var request = HTTPClientRequest(url: url.absoluteString + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (k, v) in headers { request.headers.add(name: k, value: v) }
        if let body {
            if headers["Content-Type"] == nil { request.headers.add(name: "Content-Type", value: "application/json") }
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 32 << 20)
        return TestResponse(status: Int(response.status.code), headers: response.headers,
                            body: String(buffer: bytes))
    }
}

/// What a test request got back.
public struct TestResponse: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: String

    /// The body as JSON (`.null` when it is not JSON).
    public var json: JSONValue { (try? JSONValue.parse(Data(body.utf8))) ?? .null }

    /// The `error.code` of an error body.
    public var errorCode: String? { json["error"]?["code"]?.stringValue }
}
