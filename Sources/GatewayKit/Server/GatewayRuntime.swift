public import Foundation
public import Logging
import Synchronization

/// The gateway's shared state: configuration, database, tokens, metrics, pipelines and the pause flag.
/// Built once by `Gateway.build` and passed to the API handler and services explicitly.
public final class GatewayRuntime: Sendable {
    /// The reloadable config and secrets.
    public let settings: LiveSettings
    /// The config in force (a reload replaces it atomically with the pipelines, tokens and secrets).
    public var config: GatewayConfig { settings.config }
    public let database: GatewayDatabase
    public let verifier: TokenVerifier
    public let metrics: GatewayMetrics
    public let logger: Logger
    public let startedAt: Date
    /// This process's node id (DESIGN §10): random per start, never the hostname.
    public let nodeId = "n" + RunID.make().dropFirst()
    /// Route templates of the OpenAPI document (for 405).
    let routes: RouteTable
    /// Runs, steps and events.
    let runs: RunStore
    /// Starts, drives and recovers runs.
    package let engine: RunEngine
    /// The hash-chained log of control-plane actions.
    package let audit: AuditLog
    /// ACP agent sessions and their live processes.
    let sessions: AgentSessions
    /// Sign-in sessions of the web console (in memory).
    let consoleSessions = ConsoleSessions()

    private let state: Mutex<MutableState>
    let catalog: PipelineCatalog

    struct MutableState {
        var paused: Bool
        var listen: String
        var scheduler: Scheduler?
        var webhooks: WebhookReceiver?
    }

    init(settings: LiveSettings, database: GatewayDatabase, verifier: TokenVerifier, metrics: GatewayMetrics,
         pipelines: PipelineSet, logger: Logger) throws {
        let config = settings.config
        self.settings = settings
        self.database = database
        self.verifier = verifier
        self.metrics = metrics
        self.logger = logger
        self.startedAt = Date()
        self.routes = RouteTable(document: OpenAPIDocument.yaml)
        self.runs = RunStore(database: database, metrics: metrics)
        let paused = try database.stateValue("paused") == "true"
        metrics.paused.set(to: paused ? 1.0 : 0.0)
        state = Mutex(MutableState(paused: paused, listen: config.listen))
        let catalog = PipelineCatalog(pipelines)
        self.catalog = catalog
        self.audit = AuditLog(database: database, redaction: settings.redaction)
        let sessionStore = SessionStore(database: database)
        try sessionStore.markActiveIdle()
        self.sessions = AgentSessions(settings: settings, store: sessionStore, metrics: metrics, logger: logger)
        self.engine = RunEngine(store: runs, redaction: settings.redaction, pipelines: { catalog.set },
                                options: { PipelineSet.Options(config: settings.config) })
    }

    // MARK: - Pause

    /// Whether new runs are refused.
    public var isPaused: Bool { state.withLock { $0.paused } }

    /// Sets the pause flag, persisted before it takes effect in answers.
    public func setPaused(_ paused: Bool) throws {
        try database.setStateValue("paused", paused ? "true" : "false")
        state.withLock { $0.paused = paused }
        metrics.paused.set(to: paused ? 1.0 : 0.0)
    }

    // MARK: - Pipelines

    /// The current pipeline set.
    public var pipelines: PipelineSet { catalog.set }

    /// Options pipelines are validated against.
    public var pipelineOptions: PipelineSet.Options {
        PipelineSet.Options(config: config)
    }

    /// What a reload changed.
    public struct ReloadResult: Sendable {
        public var count: Int
        public var added: [String], removed: [String], changed: [String]
        /// Changed config keys that take effect only at the next start (never half applied).
        public var restartRequired: [String]
    }

    /// Re-reads `gw.yaml` (when the gateway was started from one) and the pipeline folder, and applies tokens,
    /// `exec.allow`, `http.allowHosts`, backends, agents, secrets, retention, expiry and the pipelines together:
    /// everything is checked first, and an error anywhere keeps the whole old state.
    /// - Throws: `GatewayError` `invalid_pipelines` (422) with every config or pipeline error in `details`.
    public func reload() throws -> ReloadResult {
        let old = settings.config
        var fresh = old
        if let file = old.configFile {
            do {
                fresh = try GatewayConfig.load(file: file)
            } catch let e as LoadErrors {
                throw GatewayError(.invalidPipelines, "the config is invalid; the old state stays:\n\(e.description)",
                                   details: .array(e.errors.map(\.json)))
            }
            settings.overrides(&fresh)
        }
        let pipelines: PipelineSet, verifier: TokenVerifier, secrets: [String: String]
        do {
            pipelines = try PipelineSet.load(directory: fresh.pipelinesDir, options: PipelineSet.Options(config: fresh))
        } catch let e as LoadErrors {
            throw GatewayError(.invalidPipelines, "pipelines are invalid; the old state stays:\n\(e.description)",
                               details: .array(e.errors.map(\.json)))
        }
        do {
            secrets = try EngineServices.loadSecrets(fresh, environment: settings.environment)
            verifier = try TokenVerifier.resolveOrBootstrap(fresh, stateDir: old.stateDir, environment: settings.environment).verifier
        } catch let e as GatewayError {
            throw GatewayError(.invalidPipelines, "the config cannot be applied; the old state stays: \(e.message)",
                               details: .array([.object(["file": .string(fresh.configFile ?? ""), "line": 0, "column": 0,
                                                         "message": .string(e.message)])]))
        }
        let (applied, restart) = LiveSettings.applicable(fresh, old: old)
        settings.replace(config: applied, secrets: secrets)
        self.verifier.replaceTokens(with: verifier)
        let previous = catalog.replace(with: pipelines)
        state.withLock { $0.scheduler }?.pipelinesReloaded()
        if !restart.isEmpty {
            logger.warning("reload: \(restart.joined(separator: ", ")) changed in the config; restart gw serve to apply")
        }
        let oldIDs = Set(previous.pipelines.keys), newIDs = Set(pipelines.pipelines.keys)
        let changed = oldIDs.intersection(newIDs).filter { previous.pipelines[$0]?.version != pipelines.pipelines[$0]?.version }
        return ReloadResult(count: pipelines.pipelines.count, added: newIDs.subtracting(oldIDs).sorted(),
                            removed: oldIDs.subtracting(newIDs).sorted(), changed: changed.sorted(), restartRequired: restart)
    }

    // MARK: - Scheduler

    /// The scheduler (attached by `Gateway.build`).
    package var scheduler: Scheduler { state.withLock { $0.scheduler }! }
    /// The webhook receiver (attached by `Gateway.build`).
    package var webhooks: WebhookReceiver { state.withLock { $0.webhooks }! }

    func attachTriggers(_ scheduler: Scheduler, _ webhooks: WebhookReceiver) {
        state.withLock { ($0.scheduler, $0.webhooks) = (scheduler, webhooks) }
    }

    // MARK: - Listen address

    /// The address the server bound (resolves port 0).
    public var listenAddress: String { state.withLock { $0.listen } }

    func setListenAddress(_ address: String) { state.withLock { $0.listen = address } }
}
