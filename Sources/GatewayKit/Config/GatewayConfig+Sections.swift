import Foundation

extension GatewayConfig {
    static func parseAuth(_ v: YAMLReader) throws -> [TokenConfig] {
        var tokens: [TokenConfig] = []
        for m in try v.mapping(allowed: ["tokens"], what: "auth") {
            for (index, item) in try m.value.sequence(what: "auth.tokens").enumerated() {
                tokens.append(try parseToken(item, index: index))
            }
        }
        var seen = Set<String>()
        for t in tokens where !seen.insert(t.name).inserted {
            throw v.error("auth.tokens: duplicate token name '\(t.name)'")
        }
        return tokens
    }

    private static func parseToken(_ item: YAMLReader, index: Int) throws -> TokenConfig {
        let what = "auth.tokens[\(index)]"
        var name: String?
        var secrets: [TokenConfig.Secret] = []
        var scopes: [Scope] = []
        for m in try item.mapping(allowed: ["name", "token", "tokenEnv", "sha256", "scopes"], what: what) {
            switch m.key {
            case "name": name = try m.value.string(what: "\(what).name")
            case "token": secrets.append(.plain(try m.value.string(what: "\(what).token")))
            case "tokenEnv": secrets.append(.env(try m.value.string(what: "\(what).tokenEnv")))
            case "sha256":
                let hex = try m.value.string(what: "\(what).sha256").lowercased()
                guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                    throw m.value.error("\(what).sha256 must be 64 hex digits (the SHA-256 of the token)")
                }
                secrets.append(.sha256(hex))
            default:
                for s in try m.value.sequence(what: "\(what).scopes") {
                    let text = try s.string(what: "a scope")
                    guard let scope = Scope(rawValue: text) else {
                        throw s.error("unknown scope '\(text)' (allowed: read, operate, admin)")
                    }
                    scopes.append(scope)
                }
            }
        }
        guard let name, !name.isEmpty else { throw item.error("\(what) needs a name") }
        guard secrets.count == 1, let secret = secrets.first else {
            throw item.error("\(what) needs exactly one of token, tokenEnv, sha256")
        }
        guard !scopes.isEmpty else { throw item.error("\(what) needs scopes (read, operate, admin)") }
        return TokenConfig(name: name, secret: secret, scopes: scopes)
    }

    static func parseBackends(_ v: YAMLReader) throws -> [String: Backend] {
        var out: [String: Backend] = [:]
        for m in try v.mapping(what: "backends") {
            var backend = Backend(baseURL: "", apiKeyEnv: nil, model: nil)
            for f in try m.value.mapping(allowed: ["baseURL", "apiKeyEnv", "model"], what: "backends.\(m.key)") {
                let text = try f.value.string(what: "backends.\(m.key).\(f.key)")
                switch f.key {
                case "baseURL": backend.baseURL = text
                case "apiKeyEnv": backend.apiKeyEnv = text
                default: backend.model = text
                }
            }
            guard URL(string: backend.baseURL)?.scheme != nil else {
                throw m.value.error("backends.\(m.key) needs a baseURL such as http://127.0.0.1:8000/v1")
            }
            out[m.key] = backend
        }
        return out
    }

    static func parseAgents(_ v: YAMLReader, base: String) throws -> [String: Agent] {
        var out: [String: Agent] = [:]
        for m in try v.mapping(what: "agents") {
            let what = "agents.\(m.key)"
            var agent = Agent(command: [], env: [:], cwd: nil, idleTimeout: 600)
            for f in try m.value.mapping(allowed: ["command", "env", "cwd", "idleTimeout"], what: what) {
                switch f.key {
                case "command": agent.command = try f.value.strings(what: "\(what).command")
                case "env":
                    for e in try f.value.mapping(what: "\(what).env") { agent.env[e.key] = try e.value.string(what: "\(what).env.\(e.key)") }
                case "cwd": agent.cwd = resolve(try f.value.string(what: "\(what).cwd"), base: base)
                default: agent.idleTimeout = try f.value.duration(what: "\(what).idleTimeout")
                }
            }
            guard !agent.command.isEmpty else { throw m.value.error("\(what) needs a command (an argv list)") }
            out[m.key] = agent
        }
        return out
    }

    static func parseSecrets(_ v: YAMLReader, base: String) throws -> [String: SecretSource] {
        var out: [String: SecretSource] = [:]
        for m in try v.mapping(what: "secrets") {
            let fields = try m.value.mapping(allowed: ["env", "file"], what: "secrets.\(m.key)")
            guard fields.count == 1, let f = fields.first else {
                throw m.value.error("secrets.\(m.key) needs exactly one of env, file")
            }
            let text = try f.value.string(what: "secrets.\(m.key).\(f.key)")
            out[m.key] = f.key == "env" ? .env(text) : .file(resolve(text, base: base))
        }
        return out
    }
}
