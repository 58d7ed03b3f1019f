import Testing
@testable import GatewayKit

@Suite struct ConfigParsingTests {
    @Test func everyKeyParsesWithPathsResolvedBesideTheFile() throws {
        let yaml = """
            listen: 0.0.0.0:8080
            stateDir: state
            pipelines: /srv/pipelines
            auth:
              tokens:
                - { name: ci, tokenEnv: CI_TOKEN, scopes: [operate] }
                - { name: ops, sha256: "\(String(repeating: "a", count: 64))", scopes: [read, admin] }
            exec: { allow: [make, "git*"] }
            http: { allowHosts: [example.com] }
            backends:
              local: { baseURL: "http://127.0.0.1:8000/v1", apiKeyEnv: KEY, model: m }
            agents:
              coder: { command: [python3, agent.py], env: { A: b }, cwd: work, idleTimeout: 5m }
            secrets:
              GH: { env: GH_TOKEN }
              DB: { file: db.secret }
            sessions: { expireAfter: 2d }
            runs: { retention: 1h30m }
            shutdownGrace: 10s
            storage: { sync: full }
            metrics: { auth: false }
            """
        let config = try GatewayConfig.parse(yaml, file: "/etc/gw/gw.yaml", baseDirectory: "/etc/gw")
        #expect(config.listen == "0.0.0.0:8080")
        #expect(config.stateDir == "/etc/gw/state")
        #expect(config.pipelinesDir == "/srv/pipelines")
        #expect(config.tokens.map(\.name) == ["ci", "ops"])
        #expect(config.tokens[0].secret == .env("CI_TOKEN"))
        #expect(config.execAllow == ["make", "git*"])
        #expect(config.httpAllowHosts == ["example.com"])
        #expect(config.backends["local"]?.model == "m")
        #expect(config.agents["coder"]?.cwd == "/etc/gw/work")
        #expect(config.agents["coder"]?.idleTimeout == 300)
        #expect(config.secrets["DB"] == .file("/etc/gw/db.secret"))
        #expect(config.sessionsExpireAfter == 2 * 86400)
        #expect(config.runsRetention == 5400)
        #expect(config.shutdownGrace == 10)
        #expect(config.storageSync == .full)
        #expect(config.metricsAuth == false)
    }

    @Test func anEmptyFileGivesTheDefaults() throws {
        let config = try GatewayConfig.parse("", file: "gw.yaml", baseDirectory: "/x")
        #expect(config.listen == "127.0.0.1:7070")
        #expect(config.stateDir == "/x/.gw")
        #expect(config.pipelinesDir == "/x/pipelines")
        #expect(config.execAllow.isEmpty)
        #expect(config.httpAllowHosts == ["*"])
        #expect(config.shutdownGrace == 30)
        #expect(config.metricsAuth)
    }

    static let badConfigs: [(yaml: String, expected: String)] = [
        ("listen: a\nlisen: b\n", "gw.yaml:2:1: unknown key 'lisen'"),
        ("exec:\n  allow: [a]\n  deny: [b]\n", "gw.yaml:3:3: unknown key 'deny' in exec"),
        ("listen: [1, 2]\n", "gw.yaml:1:9: listen must be a string"),
        ("shutdownGrace: soon\n", "gw.yaml:1:16: shutdownGrace: invalid duration \"soon\""),
        ("storage: { sync: sometimes }\n", "storage.sync must be normal or full"),
        ("metrics: { auth: maybe }\n", "gw.yaml:1:18: metrics.auth must be true or false"),
        ("auth:\n  tokens:\n    - { name: a, token: x, scopes: [root] }\n", "unknown scope 'root'"),
        ("auth:\n  tokens:\n    - { name: a, token: x, tokenEnv: Y, scopes: [read] }\n", "needs exactly one of token, tokenEnv, sha256"),
        ("auth:\n  tokens:\n    - { name: a, sha256: abc, scopes: [read] }\n", "sha256 must be 64 hex digits"),
        ("auth:\n  tokens:\n    - { token: x, scopes: [read] }\n", "needs a name"),
        ("listen: 'a\n", "invalid YAML"),
        ("listen: a\nlisten: b\n", "duplicate key(s) 'listen'"),
        ("agents:\n  x: { env: {} }\n", "agents.x needs a command"),
        ("backends:\n  x: { model: m }\n", "backends.x needs a baseURL"),
        ("secrets:\n  S: { env: A, file: b }\n", "secrets.S needs exactly one of env, file"),
    ]

    @Test(arguments: badConfigs)
    func aBadConfigIsRefusedWithItsPosition(yaml: String, expected: String) {
        do {
            _ = try GatewayConfig.parse(yaml, file: "gw.yaml", baseDirectory: ".")
            Issue.record("accepted: \(yaml)")
        } catch let errors as LoadErrors {
            #expect(errors.description.contains(expected), "got: \(errors.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func everyBadKeyIsReportedNotJustTheFirst() {
        do {
            _ = try GatewayConfig.parse("foo: 1\nbar: 2\nlisten: x\n", file: "gw.yaml", baseDirectory: ".")
            Issue.record("accepted")
        } catch let errors as LoadErrors {
            #expect(errors.errors.map(\.line) == [1, 2])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
