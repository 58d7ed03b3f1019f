import ArgumentParser
import GatewayKit

extension GW {
    struct Health: ClientCommand {
        // An explicit name: deriving it from the type name costs conformance scans at every start (see GW.topLevel).
        static let configuration = CommandConfiguration(
            commandName: "health",
            abstract: "Check that the gateway answers",
            discussion: """
                Exits 0 when the gateway is up, 8 when nothing answers at the address.

                Example:
                  gw health --addr http://127.0.0.1:7070
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            let health = try await ctx.client.health()
            ctx.output.show(health, fields: [.init("Status", "status"), .init("Version", "version")])
        }
    }

    struct Metrics: ClientCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "Print the gateway's Prometheus metrics",
            discussion: """
                Example:
                  gw metrics | grep gw_runs_in_flight
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.line(try await ctx.client.metricsText().trimmingSuffixNewlines())
        }
    }
}

extension String {
    /// The string without trailing newlines.
    func trimmingSuffixNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
