import ArgumentParser
import Foundation
import GatewayKit
import Logging
import ServiceLifecycle

extension GW {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the gateway in the foreground",
            discussion: """
                Reads gw.yaml (--config, else ./gw.yaml if present, else built-in defaults), loads the
                pipelines and serves the API. Prints `gw listening on http://ADDRESS` once bound; with
                --listen 127.0.0.1:0 the port is chosen by the system. SIGTERM drains (shutdownGrace) and
                exits; SIGHUP re-reads gw.yaml and the pipelines. Refuses to start (exit 1, every error printed) when the
                config or a pipeline is invalid. Env: GW_LISTEN overrides `listen`; GW_LOG_LEVEL sets the log level.
                The web console is at http://ADDRESS/ui/ (sign in with a token).

                Examples:
                  gw serve
                  gw serve --config /etc/gw/gw.yaml --listen 0.0.0.0:7070
                """)

        @Option(help: ArgumentHelp("Config file (default ./gw.yaml if present)", valueName: "file")) var config: String?
        @Option(help: ArgumentHelp("Listen address host:port (overrides config and GW_LISTEN)", valueName: "address")) var listen: String?
        @Option(help: ArgumentHelp("Pipelines folder (overrides config)", valueName: "dir")) var pipelines: String?
        @Option(help: ArgumentHelp("State folder: database, bootstrap token (overrides config)", valueName: "dir")) var state: String?
        @Option(help: ArgumentHelp("Serve the web console's files from this folder instead of the binary (env GW_CONSOLE_DIR)",
                                   valueName: "dir")) var consoleDir: String?

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let (listen, pipelines, state) = (self.listen, self.pipelines, self.state)
            let overrides = ConfigOverrides { settings in
                if let value = environment["GW_LISTEN"], !value.isEmpty { settings.listen = value }
                if let listen { settings.listen = listen }
                if let pipelines { settings.pipelinesDir = pipelines }
                if let state { settings.stateDir = state }
            }
            var settings = try ConfigFile.load(explicit: config)
            overrides(&settings)
            if let consoleDir { settings.consoleDir = consoleDir }
            let redaction = SecretRedaction()
            let logger = ServeLogging.bootstrap(level: environment["GW_LOG_LEVEL"], redaction: redaction)
            let built: Gateway.Built
            do {
                built = try await Gateway.build(config: settings, environment: environment, logger: logger, redaction: redaction,
                                                overrides: overrides) { address in
                    StandardStreams.write("gw listening on http://\(address)")
                }
            } catch let errors as LoadErrors {
                throw CommandExit(ExitCodes.error, "refusing to start: \(errors.errors.count) invalid pipeline file error(s):\n\(errors)")
            } catch let error as GatewayError {
                throw CommandExit(ExitCodes.error, "refusing to start: \(error.message)")
            }
            if let path = built.bootstrapTokenPath {
                logger.notice("no token configured: the admin token is in \(path)")
            }
            logger.info("loaded \(built.runtime.pipelines.pipelines.count) pipelines from \(settings.pipelinesDir)")
            var groupConfig = ServiceGroupConfiguration(services: built.services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                        logger: logger)
            groupConfig.maximumGracefulShutdownDuration = .milliseconds(Int64(settings.shutdownGrace * 1000))
            do {
                try await ServiceGroup(configuration: groupConfig).run()
            } catch {
                throw CommandExit(ExitCodes.error, Self.stopMessage(error, listen: settings.listen))
            }
        }

        /// Names the address when binding failed (port in use, no permission, no such address), which NIO
        /// reports only as `bind(descriptor:ptr:bytes:): <strerror> (errno: N)`.
        static func stopMessage(_ error: any Error, listen: String) -> String {
            let text = String(describing: error)
            guard text.hasPrefix("bind(") else { return "the gateway stopped: \(text)" }
            let afterCall = text.range(of: "): ").map { text[$0.upperBound...] } ?? Substring(text)
            let reason = afterCall.split(separator: "(").first?.trimmingCharacters(in: CharacterSet(charactersIn: " )")) ?? text
            return "cannot listen on \(listen): \(reason.lowercased()) (choose another address with --listen or GW_LISTEN)"
        }
    }
}

/// Reading `gw.yaml` for `serve` and `validate`.
enum ConfigFile {
    /// The config from `explicit`, else `./gw.yaml` when present, else the defaults.
    /// - Throws: `CommandExit` (exit 1) with every error, naming file:line:col.
    static func load(explicit: String?) throws -> GatewayConfig {
        let path = explicit ?? (FileManager.default.fileExists(atPath: "gw.yaml") ? "gw.yaml" : nil)
        guard let path else { return GatewayConfig.defaults(baseDirectory: ".") }
        do {
            return try GatewayConfig.load(file: path)
        } catch let errors as LoadErrors {
            throw CommandExit(ExitCodes.error, "invalid config:\n\(errors)")
        }
    }
}

/// Log set-up of `gw serve`: lines on stderr with secrets masked, level from GW_LOG_LEVEL (default info).
enum ServeLogging {
    static func bootstrap(level: String?, redaction: SecretRedaction) -> Logger {
        let parsed = level.flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return RedactingLogHandler(wrapping: handler, redaction: redaction)
        }
        var logger = Logger(label: "gw")
        logger.logLevel = parsed
        return logger
    }
}
