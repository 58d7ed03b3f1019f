import ArgumentParser
import Foundation
import GatewayKit

extension GW {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check pipeline files offline, printing file:line:col for every error",
            discussion: """
                Reads the config like `gw serve` (for exec.allow, backends, agents, secrets). Files default
                to the config's pipelines folder. Exits 0 when every file is valid, 2 otherwise.

                Examples:
                  gw validate
                  gw validate --config gw.yaml pipelines/deploy.yaml
                """)

        @Option(help: ArgumentHelp("Config file (default ./gw.yaml if present)", valueName: "file")) var config: String?
        @Argument(help: "Pipeline files (default: every *.yaml in the pipelines folder)") var files: [String] = []

        func run() async throws {
            let settings = try ConfigFile.load(explicit: config)
            let options = PipelineSet.Options(config: settings)
            do {
                let set = files.isEmpty
                    ? try PipelineSet.load(directory: settings.pipelinesDir, options: options)
                    : try PipelineSet.load(files: files, options: options)
                StandardStreams.write("ok: \(set.pipelines.count) pipeline(s) valid")
            } catch let errors as LoadErrors {
                for error in errors.errors { StandardStreams.writeError(error.description) }
                throw CommandExit(ExitCodes.usage, "\(errors.errors.count) error(s)")
            }
        }
    }
}
