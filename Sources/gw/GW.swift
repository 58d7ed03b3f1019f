import Foundation
import ArgumentParser
import GatewayKit

/// The `gw` command: the gateway (`gw serve`) and its client (every other subcommand).
@main
struct GW: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gw",
        abstract: "Run the gw workflow gateway, or drive one from the command line",
        discussion: """
            `gw serve` runs the gateway; every other subcommand calls its HTTP API.

            Examples:
              gw serve --config gw.yaml
              gw pipelines run deploy --input '{"ref": "main"}'
              gw runs list --status waiting --output json
              gw approvals approve RUN_ID --reason "looks good"

            Environment: GW_ADDR (gateway URL), GW_TOKEN / GW_TOKEN_FILE (bearer token), NO_COLOR.
            Exit codes: 0 ok, 1 error, 2 usage or invalid input, 3 run failed, 4 run cancelled,
            5 still running when the wait ended, 6 not found, 7 unauthorized, 8 gateway unreachable, 9 conflict.
            """,
        version: GatewayVersion.current,
        subcommands: [
            Serve.self, Init.self, Validate.self, Health.self, Status.self, Metrics.self, GatewayGroup.self,
            // CLI-GROUPS (more groups are added here)
            Pipelines.self, Runs.self, Approvals.self, Triggers.self, Schedules.self, Sessions.self, Debug.self, Audit.self,
            Chat.self,
            Shell.self,
        ]
    )

    /// Parses and runs, mapping every failure to the exit codes of the contract.
    static func main() async {
        let code = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    /// Parses `arguments`, runs the command, and returns its exit code (also used by `gw shell`).
    static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return ExitCodes.report(error, commandType: Self.self)
        }
    }
}
