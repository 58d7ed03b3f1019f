import Synchronization

/// The reloadable settings of a running gateway: the config and the secret values read for it. A reload
/// replaces both at once (after everything else of the new state was checked); every reader sees the old
/// pair or the new pair, never a mix.
public final class LiveSettings: Sendable {
    private let state: Mutex<(config: GatewayConfig, secrets: [String: String])>
    /// Masks every secret value ever loaded by this process.
    public let redaction: SecretRedaction
    /// Re-applies what the command line and environment override (`--listen`, `GW_LISTEN`, …) after a re-read.
    let overrides: ConfigOverrides
    /// The process environment the config was resolved with (`tokenEnv`, secrets' `env`, `GW_TOKEN`).
    let environment: [String: String]

    init(config: GatewayConfig, secrets: [String: String], redaction: SecretRedaction, environment: [String: String],
         overrides: ConfigOverrides) {
        state = Mutex((config, secrets))
        self.redaction = redaction
        self.environment = environment
        self.overrides = overrides
        redaction.add(secrets.values)
    }

    public var config: GatewayConfig { state.withLock { $0.config } }
    var secrets: [String: String] { state.withLock { $0.secrets } }

    func replace(config: GatewayConfig, secrets: [String: String]) {
        redaction.add(secrets.values)
        state.withLock { $0 = (config, secrets) }
    }

    /// The keys whose change only takes effect at the next start (named in a reload's answer and logged).
    static func restartRequired(old: GatewayConfig, new: GatewayConfig) -> [String] {
        var keys: [String] = []
        if old.listen != new.listen { keys.append("listen") }
        if old.stateDir != new.stateDir { keys.append("stateDir") }
        if old.storageSync != new.storageSync { keys.append("storage.sync") }
        if old.metricsAuth != new.metricsAuth { keys.append("metrics.auth") }
        return keys
    }
}

/// What the command line and the environment override in `gw.yaml` (`--listen`, `--pipelines`, `--state`,
/// `GW_LISTEN`), applied at start and again after every reload re-reads the file.
public struct ConfigOverrides: Sendable {
    let apply: @Sendable (inout GatewayConfig) -> Void
    public init(_ apply: @escaping @Sendable (inout GatewayConfig) -> Void) { self.apply = apply }
    public static let none = ConfigOverrides { _ in }
    public func callAsFunction(_ config: inout GatewayConfig) { apply(&config) }
}
