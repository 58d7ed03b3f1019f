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

    /// `new` with the keys that need a restart (`listen`, `stateDir`, `storage.sync`, `metrics.auth`) kept at their
    /// `old` value, and the names of those that changed (named in a reload's answer and logged, never half applied).
    static func applicable(_ new: GatewayConfig, old: GatewayConfig) -> (config: GatewayConfig, restartRequired: [String]) {
        var config = new, changed: [String] = []
        func keep<T: Equatable>(_ key: WritableKeyPath<GatewayConfig, T>, _ name: String) {
            guard config[keyPath: key] != old[keyPath: key] else { return }
            changed.append(name)
            config[keyPath: key] = old[keyPath: key]
        }
        keep(\.listen, "listen")
        keep(\.stateDir, "stateDir")
        keep(\.storageSync, "storage.sync")
        keep(\.metricsAuth, "metrics.auth")
        return (config, changed)
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
