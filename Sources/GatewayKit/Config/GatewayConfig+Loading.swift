import Foundation

extension GatewayConfig {
    /// Keys allowed at the top level of `gw.yaml`.
    static let topLevelKeys = ["listen", "stateDir", "pipelines", "auth", "exec", "http", "backends", "agents",
                               "secrets", "sessions", "runs", "shutdownGrace", "storage", "metrics"]

    /// Loads `gw.yaml`: strict (an unknown or mistyped key is an error naming file, line and column),
    /// relative paths resolved against the file's folder.
    /// - Throws: `LoadErrors` with every error found.
    public static func load(file: String) throws -> GatewayConfig {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LoadErrors([LoadError(file: file, line: 0, column: 0, message: "cannot read the config file")])
        }
        let base = (file as NSString).deletingLastPathComponent
        return try parse(String(decoding: data, as: UTF8.self), file: file, baseDirectory: base.isEmpty ? "." : base)
    }

    /// Parses the text of a `gw.yaml`.
    /// - Throws: `LoadErrors` with every error found.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws -> GatewayConfig {
        var config = GatewayConfig.defaults(baseDirectory: baseDirectory)
        config.configFile = file
        var errors: [LoadError] = []
        do {
            let root = try YAMLReader.document(text, file: file)
            if case .scalar = root.node, root.node.null != nil { return config }
            for entry in try root.mapping(what: "gw.yaml") where !entry.key.hasPrefix("x-") {  // x-…: the author's own (anchors)
                do {
                    guard topLevelKeys.contains(entry.key) else {
                        throw entry.keyReader.error("unknown key '\(entry.key)' in gw.yaml (allowed: \(topLevelKeys.joined(separator: ", ")))")
                    }
                    try config.apply(key: entry.key, entry.value, base: baseDirectory)
                } catch let e as LoadError {
                    errors.append(e)
                }
            }
        } catch let e as LoadError {
            errors.append(e)
        }
        if !errors.isEmpty { throw LoadErrors(errors) }
        return config
    }

    private mutating func apply(key: String, _ v: YAMLReader, base: String) throws {
        switch key {
        case "listen": listen = try v.string(what: "listen")
        case "stateDir": stateDir = Self.resolve(try v.string(what: "stateDir"), base: base)
        case "pipelines": pipelinesDir = Self.resolve(try v.string(what: "pipelines"), base: base)
        case "auth": tokens = try Self.parseAuth(v)
        case "exec":
            for m in try v.mapping(allowed: ["allow"], what: "exec") { execAllow = try m.value.strings(what: "exec.allow") }
        case "http":
            for m in try v.mapping(allowed: ["allowHosts"], what: "http") {
                httpAllowHosts = try m.value.strings(what: "http.allowHosts")
            }
        case "backends": backends = try Self.parseBackends(v)
        case "agents": agents = try Self.parseAgents(v, base: base)
        case "secrets": secrets = try Self.parseSecrets(v, base: base)
        case "sessions":
            for m in try v.mapping(allowed: ["expireAfter"], what: "sessions") {
                sessionsExpireAfter = try m.value.duration(what: "sessions.expireAfter")
            }
        case "runs":
            for m in try v.mapping(allowed: ["retention"], what: "runs") {
                runsRetention = try m.value.duration(what: "runs.retention")
            }
        case "shutdownGrace": shutdownGrace = try v.duration(what: "shutdownGrace")
        case "storage":
            for m in try v.mapping(allowed: ["sync"], what: "storage") {
                let text = try m.value.string(what: "storage.sync")
                guard let sync = StorageSync(rawValue: text) else {
                    throw m.value.error("storage.sync must be normal or full, found \"\(text)\"")
                }
                storageSync = sync
            }
        case "metrics":
            for m in try v.mapping(allowed: ["auth"], what: "metrics") { metricsAuth = try m.value.bool(what: "metrics.auth") }
        default:
            throw v.error("unknown key '\(key)'")
        }
    }

    static func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        return (base as NSString).appendingPathComponent(path)
    }
}
