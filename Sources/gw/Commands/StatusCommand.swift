import ArgumentParser
import GatewayKit

extension GW {
    struct Status: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the gateway's state on one screen",
            discussion: """
                Shows whether the gateway is paused, its version, start time, address, and counts of
                pipelines and runs in flight.

                Example:
                  gw status --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            let state = try await ctx.client.gateway()
            ctx.output.show(state, fields: [
                .init("Gateway", "listen"), .init("Version", "version"),
                .init("Paused", "paused"), .init("Started", "startedAt"),
                .init("Pipelines", "pipelines"), .init("Runs in flight", "runsInFlight"),
            ])
        }
    }
}
