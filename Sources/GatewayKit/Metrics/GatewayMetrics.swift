public import Prometheus

/// Every metric gw exports, by name and label set, in one place (DESIGN §7).
///
/// Metrics go straight to a `PrometheusCollectorRegistry` owned by the gateway (not the global
/// swift-metrics system), so each gateway, and each test, has its own registry.
public final class GatewayMetrics: Sendable {
    /// The registry `/metrics` is rendered from.
    public let registry: PrometheusCollectorRegistry

    static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    static let runBuckets: [Double] = [0.001, 0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 1800, 3600]

    let paused: Gauge
    let runsInFlight: Gauge
    let approvalsPending: Gauge
    let eventsWritten: Counter
    let runsPruned: Counter
    let scheduleLateness: ValueHistogram
    /// Runs this node drives (holds) right now; parked runs are held by no one.
    let nodeRunsHeld: Gauge
    /// Runs taken over from a node whose lease expired (always 0 with SQLite: one node).
    let leaseTakeovers: Counter
    /// Duration of each store write transaction (a group commit).
    let storeTransaction: ValueHistogram

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), version: String) {
        self.registry = registry
        registry.makeGauge(descriptor: Self.name("gw_build_info", "Build information; always 1"), labels: [("version", version)]).set(to: 1.0)
        paused = registry.makeGauge(descriptor: Self.name("gw_gateway_paused", "1 while the gateway refuses new runs"))
        runsInFlight = registry.makeGauge(descriptor: Self.name("gw_runs_in_flight", "Runs not yet terminal"))
        approvalsPending = registry.makeGauge(descriptor: Self.name("gw_approvals_pending", "Approval gates waiting for a decision"))
        eventsWritten = registry.makeCounter(descriptor: Self.name("gw_events_written_total", "Run events persisted"))
        runsPruned = registry.makeCounter(descriptor: Self.name("gw_runs_pruned_total", "Finished runs deleted by runs.retention"))
        scheduleLateness = registry.makeValueHistogram(descriptor: Self.name("gw_schedule_lateness_seconds", "Actual start minus planned fire time of scheduled runs"), buckets: Self.latencyBuckets)
        nodeRunsHeld = registry.makeGauge(descriptor: Self.name("gw_node_runs_held", "Runs this gateway node drives now"))
        leaseTakeovers = registry.makeCounter(descriptor: Self.name("gw_lease_takeovers_total", "Runs taken over from a node whose lease expired"))
        storeTransaction = registry.makeValueHistogram(descriptor: Self.name("gw_store_transaction_seconds", "Duration of store write transactions (group commits)"),
                                                      buckets: Self.latencyBuckets)
        for kind in ["wait", "approval", "breakpoint", "sleep"] { runsWaiting(kind: kind).set(to: 0.0) }
        for state in ["active", "idle", "expired", "closed"] { sessions(state: state).set(to: 0.0) }
    }

    static func name(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    /// Renders the Prometheus text exposition format 0.0.4.
    public func render() -> String { registry.emitToString() }

    // MARK: - Labelled families

    func httpRequests(route: String, method: String, code: Int) -> Counter {
        registry.makeCounter(descriptor: Self.name("gw_http_requests_total", "HTTP requests by route template, method and status code"), labels: [("route", route), ("method", method), ("code", String(code))])
    }

    func httpDuration(route: String) -> ValueHistogram {
        registry.makeValueHistogram(descriptor: Self.name("gw_http_request_duration_seconds", "HTTP request duration by route template"), labels: [("route", route)], buckets: Self.latencyBuckets)
    }

    func runsStarted(pipeline: String, trigger: String) -> Counter {
        registry.makeCounter(descriptor: Self.name("gw_runs_started_total", "Runs started by pipeline and trigger kind"), labels: [("pipeline", pipeline), ("trigger", trigger)])
    }

    func runsFinished(pipeline: String, status: String) -> Counter {
        registry.makeCounter(descriptor: Self.name("gw_runs_finished_total", "Runs finished by pipeline and terminal status"), labels: [("pipeline", pipeline), ("status", status)])
    }

    func runDuration(pipeline: String) -> ValueHistogram {
        registry.makeValueHistogram(descriptor: Self.name("gw_run_duration_seconds", "Run duration from start to end"), labels: [("pipeline", pipeline)], buckets: Self.runBuckets)
    }

    func runsWaiting(kind: String) -> Gauge {
        registry.makeGauge(descriptor: Self.name("gw_runs_waiting", "Runs waiting, by what they wait on"), labels: [("kind", kind)])
    }

    func stepDuration(kind: String) -> ValueHistogram {
        registry.makeValueHistogram(descriptor: Self.name("gw_step_duration_seconds", "Step duration by step kind"), labels: [("kind", kind)], buckets: Self.runBuckets)
    }

    func scheduleFires(schedule: String, outcome: String) -> Counter {
        registry.makeCounter(descriptor: Self.name("gw_schedule_fires_total", "Schedule fires by outcome"), labels: [("schedule", schedule), ("outcome", outcome)])
    }

    func sessions(state: String) -> Gauge {
        registry.makeGauge(descriptor: Self.name("gw_sessions", "ACP sessions by state"), labels: [("state", state)])
    }
}
