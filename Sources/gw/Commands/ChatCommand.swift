import ArgumentParser
import GatewayKit

extension GW {
    struct Chat: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chat with a pipeline exposed as a model",
            discussion: """
                Sends MESSAGE (or each line typed) to the pipeline over the OpenAI-compatible surface
                and prints the reply. Not available yet: it exits 1.

                Example:
                  gw chat assistant "summarize yesterday's failed runs"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The pipeline id (a pipeline with openai: true)", completion: .pipelineIds) var pipeline: String
        @Argument(help: "The message; without it, read messages interactively") var message: String?

        func run(_ ctx: CLIContext) async throws {
            throw GatewayError(.notImplemented, "gw chat needs the OpenAI-compatible surface, not built yet")
        }
    }
}
