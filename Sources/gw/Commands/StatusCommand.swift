import ArgumentParser
import GatewayKit

extension GW {
    struct Status: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the gateway's state on one screen",
            discussion: """
                Shows whether the gateway is paused, its version, start time and address, the number of pipelines,
                the newest runs (up to 1000) by status, pending approvals and the next schedule fires. Parts the
                gateway cannot answer yet are shown as unknown. With --output json, the gateway record gets the
                keys runsByStatus, runsCounted, approvalsPending and nextFires.

                Example:
                  gw status --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            let summary = try await GatewaySummary.fetch(ctx.client)
            switch ctx.output.format {
            case .json, .yaml: ctx.output.structured(summary.json)
            case .table:
                let table = Table(headers: [], rows: summary.rows, headers: false, bold: false,
                                  separator: ctx.output.isTTY ? "  " : "\t")
                ctx.output.line(String(table.render().dropLast()))
            }
        }
    }
}
