public import Foundation
public import Logging
import Synchronization

/// The gateway's shared state: configuration, database, tokens, metrics, pipelines and the pause flag.
/// Built once by `Gateway.build` and passed to the API handler and services explicitly.
public final class GatewayRuntime: Sendable {
    public let config: GatewayConfig
    public let database: GatewayDatabase
    public let verifier: TokenVerifier
    public let metrics: GatewayMetrics
    public let logger: Logger
    public let startedAt: Date
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

    private let state: Mutex<MutableState>
    let catalog: PipelineCatalog

    struct MutableState {
        var paused: Bool
        var listen: String
        var scheduler: Scheduler?
        var webhooks: WebhookReceiver?
    }

    init(config: GatewayConfig, database: GatewayDatabase, verifier: TokenVerifier, metrics: GatewayMetrics,
         pipelines: PipelineSet, secrets: [String: String], logger: Logger) throws {
        self.config = config
        self.database = database
        self.verifier = verifier
        self.metrics = metrics
        self.logger = logger
        self.startedAt = Date()
        self.routes = RouteTable(document: OpenAPIDocument.yaml)
        self.runs = RunStore(database: database)
        let paused = try database.stateValue("paused") == "true"
        metrics.paused.set(to: paused ? 1.0 : 0.0)
        state = Mutex(MutableState(paused: paused, listen: config.listen))
        let catalog = PipelineCatalog(pipelines)
        self.catalog = catalog
        let options = PipelineSet.Options(config: config)
        self.audit = AuditLog(database: database, redactor: Redactor(secrets: Array(secrets.values)))
        let sessionStore = SessionStore(database: database)
        try sessionStore.markActiveIdle()
        self.sessions = AgentSessions(config: config, store: sessionStore, metrics: metrics, logger: logger)
        self.engine = RunEngine(store: runs, secrets: secrets, pipelines: { catalog.set }, options: { options })
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

    /// Reloads the pipeline folder atomically: on any error the old set stays.
    /// - Returns: ids added, removed and changed, and the new count.
    /// - Throws: `GatewayError` `invalid_pipelines` with every load error in `details`.
    public func reloadPipelines() throws -> (count: Int, added: [String], removed: [String], changed: [String]) {
        let fresh: PipelineSet
        do {
            fresh = try PipelineSet.load(directory: config.pipelinesDir, options: pipelineOptions)
        } catch let e as LoadErrors {
            throw GatewayError(.invalidPipelines, "pipelines are invalid; the old set stays:\n\(e.description)",
                               details: .array(e.errors.map(\.json)))
        }
        let old = catalog.replace(with: fresh)
        state.withLock { $0.scheduler }?.pipelinesReloaded()
        let oldIDs = Set(old.pipelines.keys), newIDs = Set(fresh.pipelines.keys)
        let changed = oldIDs.intersection(newIDs).filter { old.pipelines[$0]?.version != fresh.pipelines[$0]?.version }
        return (fresh.pipelines.count, newIDs.subtracting(oldIDs).sorted(), oldIDs.subtracting(newIDs).sorted(), changed.sorted())
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
