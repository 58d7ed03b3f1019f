import ArgumentParser
import Foundation
import GatewayKit

extension GW {
    struct Chat: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chat with a pipeline exposed as a model",
            discussion: """
                Sends MESSAGE to the pipeline over the OpenAI-compatible surface (POST /v1/chat/completions)
                and prints the reply as it streams in. Without MESSAGE, reads one message per line and keeps
                the conversation (each message is sent with the ones before it); /exit or end of input leaves.
                A failed run exits 3 (in a conversation it is reported and the conversation goes on).

                Examples:
                  gw chat assistant "summarize yesterday's failed runs"
                  gw chat assistant --addr http://127.0.0.1:7070
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The pipeline id (a pipeline with openai: true)", completion: .pipelineIds) var pipeline: String
        @Argument(help: "The message; without it, read messages interactively") var message: String?

        func run(_ ctx: CLIContext) async throws {
            var history: [ChatMessage] = []
            if let message {
                do {
                    try await turn(ctx, &history, message)
                } catch let error as GatewayError where error.code == .pipelineFailed {
                    throw CommandExit(ExitCodes.runFailed, error.message)
                }
                return
            }
            let prompt = isatty(STDIN_FILENO) == 1
            if prompt { ctx.output.note("Chatting with \(pipeline); /exit leaves.") }
            while true {
                if prompt { StandardStreams.writeError("> ", terminator: "") }
                guard let line = readLine() else { break }
                let text = line.trimmingCharacters(in: .whitespaces)
                if text == "/exit" { break }
                if text.isEmpty { continue }
                do {
                    try await turn(ctx, &history, text)
                } catch let error as GatewayError where error.code == .pipelineFailed {
                    history.removeLast()
                    ctx.output.note("gw: \(error.message)")
                }
            }
        }

        /// Sends `text` after `history`, printing the reply as it streams; both are added to `history`.
        private func turn(_ ctx: CLIContext, _ history: inout [ChatMessage], _ text: String) async throws {
            history.append(ChatMessage(role: "user", content: text))
            let reply = try await ctx.client.chat(model: pipeline, messages: history) { delta in
                StandardStreams.write(delta, terminator: "")
            }
            StandardStreams.write("")
            history.append(ChatMessage(role: "assistant", content: reply))
        }
    }
}
