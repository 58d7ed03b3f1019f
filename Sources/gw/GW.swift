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
        if arguments == ["--version"] {
            StandardStreams.write(GatewayVersion.current)
            return 0
        }
        if let first = arguments.first, let subcommand = topLevel[first] {
            return await runFocused(arguments, subcommand)
        }
        return await run(arguments, root: Self.self)
    }

    /// Parses `arguments` with `root` as the root command, runs the command, and returns its exit code.
    private static func run(_ arguments: [String], root: any AsyncParsableCommand.Type) async -> Int32 {
        do {
            var command = try await root.asyncParseAsRoot(arguments)
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return ExitCodes.report(error, commandType: root)
        }
    }

    private static func runFocused<Subcommand: ParsableCommand>(_ arguments: [String], _: Subcommand.Type) async -> Int32 {
        await run(arguments, root: Focused<Subcommand>.self)
    }

    /// The top-level subcommands by name (`GW.configuration.subcommands`; a test checks they match).
    ///
    /// Start-up: argument-parser builds the tree of every command it can reach before parsing, and names each
    /// command type without an explicit `commandName` with `String(describing:)`, which costs scans of every
    /// protocol conformance record of this large binary; for the 60 commands of `gw` that was most of
    /// `gw health`'s time. A command line whose first word names a top-level subcommand is parsed with a root
    /// that holds only that subcommand (`Focused`): same names, help, usage and errors, a tenth of the tree.
    static let topLevel: [String: any ParsableCommand.Type] = [
        "serve": Serve.self, "init": Init.self, "validate": Validate.self, "health": Health.self, "status": Status.self,
        "metrics": Metrics.self, "gateway": GatewayGroup.self, "pipelines": Pipelines.self, "runs": Runs.self,
        "approvals": Approvals.self, "triggers": Triggers.self, "schedules": Schedules.self, "sessions": Sessions.self,
        "debug": Debug.self, "audit": Audit.self, "chat": Chat.self, "shell": Shell.self,
    ]

    /// `gw` with only `Subcommand` below it (see `topLevel`).
    struct Focused<Subcommand: ParsableCommand>: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            var configuration = GW.configuration
            configuration.subcommands = [Subcommand.self]
            return configuration
        }
    }
}
