import ArgumentParser
import GatewayKit

extension GW {
    struct Sessions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, inspect, resume, prune and remove ACP agent sessions",
            subcommands: [List.self, Get.self, Resume.self, Prune.self, Remove.self])
    }
}

extension GW.Sessions {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the agent sessions",
            discussion: """
                Example:
                  gw sessions list --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.sessions(), columns: Columns.sessions)
        }
    }

    struct Get: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an agent session: its agent, state, process and last run",
            discussion: """
                Example:
                  gw sessions get SESSION_ID --output json
                """,
            aliases: ["show"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session id", completion: .sessionIds) var session: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.session(session), fields: Columns.session)
        }
    }

    struct Resume: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restart an idle session's agent process and load the session",
            discussion: """
                Exits 9 when the session has expired or its agent cannot load sessions.

                Example:
                  gw sessions resume SESSION_ID
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session id", completion: .sessionIds) var session: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.resumeSession(session), fields: Columns.session)
        }
    }

    struct Prune: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove expired sessions or idle ones unused for a while; never an active one",
            discussion: """
                Prints the ids of the removed sessions. Needs an admin token.

                Examples:
                  gw sessions prune --expired
                  gw sessions prune --older-than 14d --output json
                """)

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Remove the expired sessions") var expired = false
        @Option(help: ArgumentHelp("Remove idle sessions unused for this long (e.g. 7d, 12h)", valueName: "duration"))
        var olderThan: String?

        func validate() throws {
            if let olderThan, DurationParser.parse(olderThan) == nil {
                throw ValidationError("--older-than \(olderThan): expected a duration such as 12h, 7d or 1d12h")
            }
        }

        func run(_ ctx: CLIContext) async throws {
            let result = try await ctx.client.pruneSessions(expired: expired ? true : nil, olderThan: olderThan)
            ctx.output.list(result, rows: result.pruned.map { ["id": .string($0)] }, columns: [.init("PRUNED", "id")])
        }
    }

    struct Remove: ClientCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Stop a session's agent process and remove the session",
            discussion: """
                Example:
                  gw sessions rm SESSION_ID
                """,
            aliases: ["remove"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session id", completion: .sessionIds) var session: String

        func run(_ ctx: CLIContext) async throws {
            try await ctx.client.removeSession(session)
            ctx.output.note("removed session \(session)")
        }
    }
}
