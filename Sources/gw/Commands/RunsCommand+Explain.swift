import ArgumentParser
import GatewayKit

extension GW.Runs {
    struct Explain: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say why a run is where it is: what it waits for, why it failed, what was skipped",
            discussion: """
                Prints a one-line summary, then the facts it is built from (each `if` evaluated with its values, \
                every retried attempt with its error and delay, decisions, what the run waits on and its deadline). \
                Everything comes from what the run recorded; nothing is evaluated again.

                Examples:
                  gw runs explain RUN_ID
                  gw runs explain RUN_ID --output json
                """,
            aliases: ["why"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run id", completion: .runIds) var runId: String

        func run(_ ctx: CLIContext) async throws {
            let explanation = try await ctx.client.explainRun(runId)
            guard ctx.output.format == .table else {
                ctx.output.structured(Printer.json(explanation))
                return
            }
            ctx.output.line(explanation.summary)
            for fact in explanation.facts { ctx.output.line("  - " + fact.text) }
        }
    }
}
