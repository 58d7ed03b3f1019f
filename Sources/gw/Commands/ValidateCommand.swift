import ArgumentParser
import Foundation
import GatewayKit

extension GW {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pipeline files offline, printing file:line:col for every error",
            discussion: """
                Reads the config like `gw serve` (for exec.allow, backends, agents, secrets). Files default
                to the config's pipelines folder. Exits 0 when the config and every file are valid, 2 otherwise
                (an invalid gw.yaml too), printing file:line:col for each error.

                Examples:
                  gw validate
                  gw validate --config gw.yaml pipelines/deploy.yaml
                """)

        @Option(help: ArgumentHelp("Config file (default ./gw.yaml if present)", valueName: "file")) var config: String?
        @Argument(help: "Pipeline files (default: every *.yaml in the pipelines folder)") var files: [String] = []

        func run() async throws {
            do {
                let settings = try Self.loadConfig(explicit: config)
                let options = PipelineSet.Options(config: settings)
                let set = files.isEmpty
                    ? try PipelineSet.load(directory: settings.pipelinesDir, options: options)
                    : try PipelineSet.load(files: files, options: options)
                StandardStreams.write("ok: \(set.pipelines.count) pipeline(s) valid")
            } catch let errors as LoadErrors {
                for error in errors.errors { StandardStreams.writeError(error.description) }
                throw CommandExit(ExitCodes.usage, "\(errors.errors.count) error(s)")
            }
        }

        /// The config like `gw serve` reads it; an invalid one is an invalid input here (exit 2, file:line:col).
        static func loadConfig(explicit: String?) throws -> GatewayConfig {
            let path = explicit ?? (FileManager.default.fileExists(atPath: "gw.yaml") ? "gw.yaml" : nil)
            guard let path else { return GatewayConfig.defaults(baseDirectory: ".") }
            return try GatewayConfig.load(file: path)
        }
    }
}
