import ArgumentParser
import GatewayKit

extension GW {
    struct Pipelines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, inspect, run and start pipelines",
            subcommands: [List.self, Get.self, Run.self, Start.self])
    }
}

extension GW.Pipelines {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the loaded pipelines",
            discussion: """
                Example:
                  gw pipelines list --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.pipelines(), columns: Columns.pipelines)
        }
    }

    struct Get: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a pipeline: its input schema, steps, triggers and source file",
            discussion: """
                Example:
                  gw pipelines get deploy --output yaml
                """,
            aliases: ["show"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The pipeline id", completion: .pipelineIds) var pipeline: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.pipeline(pipeline), fields: Columns.pipeline)
        }
    }
}
