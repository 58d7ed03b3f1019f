public import Foundation
public import Hummingbird
public import Logging
import NIOCore
import OpenAPIHummingbird
public import ServiceLifecycle

/// Builds the gateway application: database, tokens, pipelines, metrics, middleware and routes.
public enum Gateway {
    /// The request context of every route.
    public typealias Context = BasicRequestContext

    /// Everything `build` produced: the runtime (for tests and the CLI) and the application to run.
    public struct Built: Sendable {
        public let runtime: GatewayRuntime
        public let application: Application<RouterResponder<Context>>
        /// Every service to run, in start order (on shutdown the HTTP server stops first, then the engine drains,
        /// then the agent processes of sessions are stopped).
        public var services: [any Service] {
            [SessionHousekeeping(sessions: runtime.sessions), RetentionService(runtime: runtime), runtime.engine,
             runtime.scheduler, application]
        }
        /// Path of the bootstrap admin token, when one was written or reused.
        public let bootstrapTokenPath: String?
    }

    /// Builds the gateway from `config`.
    /// - Parameters:
    ///   - environment: the process environment (for `GW_TOKEN` and `tokenEnv`).
    ///   - onListening: called with the bound address (`127.0.0.1:54321`) once the server listens.
    /// - Throws: `LoadErrors` for invalid pipelines, `GatewayError` for unusable state or tokens.
    ///   - redaction: masks secrets everywhere; pass the one the server log uses so its lines are masked too.
    ///   - overrides: re-applied to the config after a reload re-reads it (command-line flags, `GW_LISTEN`).
    public static func build(config: GatewayConfig, environment: [String: String], logger: Logger,
                             redaction: SecretRedaction = SecretRedaction(),
                             overrides: ConfigOverrides = .none,
                             onListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws -> Built {
        let (host, port) = try ListenAddress.parse(config.listen)
        let database = try GatewayDatabase(stateDir: config.stateDir, sync: config.storageSync)
        let (verifier, bootstrapPath) = try TokenVerifier.resolveOrBootstrap(config, stateDir: config.stateDir, environment: environment)
        let metrics = GatewayMetrics(version: GatewayVersion.current)
        let pipelines = try PipelineSet.load(directory: config.pipelinesDir, options: PipelineSet.Options(config: config))
        let secrets = try EngineServices.loadSecrets(config, environment: environment)
        let settings = LiveSettings(config: config, secrets: secrets, redaction: redaction, environment: environment,
                                    overrides: overrides)
        let runtime = try GatewayRuntime(settings: settings, database: database, verifier: verifier, metrics: metrics,
                                         pipelines: pipelines, logger: logger)
        await runtime.engine.setServices(EngineServices(
            settings: settings, metrics: metrics, httpClient: .shared, logger: logger,
            invoke: { [weak runtime] pipelineId, input, parentRunId, depth in
                guard let engine = runtime?.engine else { throw CancellationError() }
                let request = RunEngine.StartRequest(pipelineId: pipelineId, input: input, trigger: RunTrigger(kind: "invoke", id: parentRunId),
                                                     parentRunId: parentRunId, depth: depth)
                let child = try await engine.start(request).record
                while true {
                    if let done = try await engine.awaitTerminal(child.runId, timeout: 3600), done.status.isTerminal { return done }
                }
            },
            breakpoints: BreakpointRegistry(entries: try await runtime.runs.breakpoints()), sessions: runtime.sessions))
        runtime.attachTriggers(.make(runtime: runtime), WebhookReceiver(runtime: runtime, environment: environment))
        let router = try makeRouter(runtime: runtime, consoleDir: config.consoleDir ?? environment["GW_CONSOLE_DIR"])
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "gw/\(GatewayVersion.current)"),
            onServerRunning: { channel in
                let bound = channel.localAddress.map { "\(host):\($0.port ?? port)" } ?? "\(host):\(port)"
                runtime.setListenAddress(bound)
                await onListening(bound)
            },
            logger: logger)
        app.addServices(ReloadSignalService(runtime: runtime))
        _ = metrics
        return Built(runtime: runtime, application: app, bootstrapTokenPath: bootstrapPath)
    }

    /// The router with every route of the contract and the middleware chain.
    static func makeRouter(runtime: GatewayRuntime, consoleDir: String? = nil) throws -> Router<Context> {
        let router = Router(context: Context.self)
        router.add(middleware: HTTPMetricsMiddleware(metrics: runtime.metrics))
        router.add(middleware: ErrorMappingMiddleware(routes: runtime.routes, logger: runtime.logger))
        router.add(middleware: BodyLimitMiddleware(limit: runtime.config.maxBodyBytes))
        router.add(middleware: LocationHeaderMiddleware())
        router.add(middleware: MetricsContentTypeMiddleware())
        let handler = APIHandler(runtime: runtime)
        runtime.engine.hub.feed.setCounter { [engine = runtime.engine] in try await engine.pendingApprovalCount() }
        ConsoleRoutes.register(on: router, assets: ConsoleAssets(directory: consoleDir))
        // Compact JSON without key sorting: the runtime's default (sorted, pretty-printed) doubled the cost of
        // encoding large answers (GET /approvals with 10,000 pending spent a third of its time there).
        try handler.registerHandlers(on: router, configuration: .init(jsonEncodingOptions: []), middlewares: [
            AuthMiddleware(verifier: runtime.verifier, metricsAuth: runtime.config.metricsAuth, sessions: runtime.consoleSessions),
            EmptyBodyMiddleware(),
            WebhookRequestMiddleware(),
            OpenAIAcceptMiddleware(),
        ])
        return router
    }
}
