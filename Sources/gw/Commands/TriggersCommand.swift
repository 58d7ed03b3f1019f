import ArgumentParser
import GatewayKit

extension GW {
    struct Triggers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List triggers and fire them by hand",
            subcommands: [List.self, Fire.self])
    }
}

extension GW.Triggers {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every trigger, schedules made over the API included",
            discussion: """
                Example:
                  gw triggers list --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.triggers(), columns: Columns.triggers)
        }
    }

    struct Fire: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fire a trigger by hand and print the started run's id",
            discussion: """
                The run's trigger kind is `manual`. Without input flags the trigger's own input is used.

                Examples:
                  gw triggers fire nightly
                  gw triggers fire gh-push --input @payload.json --idempotency-key delivery-7
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The trigger id", completion: .triggerIds) var trigger: String
        @OptionGroup var inputOptions: InputOptions
        @OptionGroup var idempotency: IdempotencyOptions

        func run(_ ctx: CLIContext) async throws {
            let result = try await ctx.client.fireTrigger(trigger, input: try inputOptions.resolve(),
                                                          idempotencyKey: idempotency.idempotencyKey)
            ctx.output.show(result, fields: [.init("Run ID", "runId")])
        }
    }
}
