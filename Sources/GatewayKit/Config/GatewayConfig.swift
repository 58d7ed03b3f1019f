import Foundation

/// Every setting of `gw serve`, as plain values; each has a default (DESIGN §2.1).
public struct GatewayConfig: Sendable {
    /// A named bearer token with its scopes.
    public struct TokenConfig: Sendable, Hashable {
        /// How the token's secret is given.
        public enum Secret: Sendable, Hashable {
            case plain(String)
            case env(String)
            case sha256(String)
        }
        public var name: String
        public var secret: Secret
        public var scopes: [Scope]
        public init(name: String, secret: Secret, scopes: [Scope]) {
            self.name = name
            self.secret = secret
            self.scopes = scopes
        }
    }

    /// An OpenAI-compatible LLM backend.
    public struct Backend: Sendable, Hashable {
        public var baseURL: String
        public var apiKeyEnv: String?
        public var model: String?
    }

    /// An ACP agent command.
    public struct Agent: Sendable, Hashable {
        public var command: [String]
        public var env: [String: String]
        public var cwd: String?
        public var idleTimeout: Double
    }

    /// Where a secret's value comes from.
    public enum SecretSource: Sendable, Hashable {
        case env(String)
        case file(String)
    }

    /// Durability of commits.
    public enum StorageSync: String, Sendable {
        case normal, full
    }

    /// The file this came from, if any.
    public var configFile: String?
    public var listen: String = "127.0.0.1:7070"
    public var stateDir: String = ".gw"
    public var pipelinesDir: String = "pipelines"
    public var tokens: [TokenConfig] = []
    public var execAllow: [String] = []
    public var httpAllowHosts: [String] = ["*"]
    public var backends: [String: Backend] = [:]
    public var agents: [String: Agent] = [:]
    public var secrets: [String: SecretSource] = [:]
    public var sessionsExpireAfter: Double = 7 * 86400
    public var runsRetention: Double = 30 * 86400
    public var shutdownGrace: Double = 30
    public var storageSync: StorageSync = .normal
    public var metricsAuth: Bool = true
    /// Largest request body accepted, in bytes (413 beyond).
    public var maxBodyBytes: Int = 1 << 20
    /// Serve the web console's files from this folder instead of the binary (`gw serve --console-dir`,
    /// `GW_CONSOLE_DIR`; not a gw.yaml key).
    public var consoleDir: String?

    public init() {}

    /// Defaults with paths resolved against `baseDirectory`.
    public static func defaults(baseDirectory: String) -> GatewayConfig {
        var config = GatewayConfig()
        config.stateDir = (baseDirectory as NSString).appendingPathComponent(".gw")
        config.pipelinesDir = (baseDirectory as NSString).appendingPathComponent("pipelines")
        return config
    }
}
