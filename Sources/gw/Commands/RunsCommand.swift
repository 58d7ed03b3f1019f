import ArgumentParser
import GatewayKit

extension GW {
    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, inspect, follow and control runs",
            subcommands: [
                List.self, Get.self, Events.self, Watch.self, Cancel.self, Resume.self, Retry.self, Explain.self,
                GW.Approvals.Approve.self, GW.Approvals.Deny.self,
            ])
    }
}

extension GW.Runs {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List runs, newest first",
            discussion: """
                Prints one page; when there are more, the cursor of the next page is printed on stderr.

                Examples:
                  gw runs list --status waiting
                  gw runs list --pipeline deploy --limit 50 --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only runs of this pipeline", valueName: "id"), completion: .pipelineIds)
        var pipeline: String?
        @Option(help: ArgumentHelp(
            "Only runs with this status (queued, running, waiting, completed, failed, cancelled)", valueName: "status"))
        var status: String?
        @Option(help: ArgumentHelp("At most this many runs (1-1000)", valueName: "n")) var limit: Int?
        @Option(help: ArgumentHelp("The next page, as printed by the previous one", valueName: "cursor"))
        var cursor: String?

        func validate() throws {
            if let limit, !(1...1000).contains(limit) { throw ValidationError("--limit must be between 1 and 1000") }
        }

        func run(_ ctx: CLIContext) async throws {
            let page = try await ctx.client.runs(pipelineId: pipeline, status: status, limit: limit, cursor: cursor)
            ctx.output.list(page, rows: Printer.json(page)["runs"]?.arrayValue ?? [], columns: Columns.runs)
            if let next = page.nextCursor.value as? String, ctx.output.format == .table { ctx.output.note("more: --cursor \(next)") }
        }
    }

    struct Get: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a run record: status, steps, what it waits on, output or error",
            discussion: """
                Example:
                  gw runs get RUN_ID --output json
                """,
            aliases: ["show"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run id", completion: .runIds) var runId: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.run(runId), fields: Columns.run)
        }
    }

    struct Cancel: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a run that has not ended",
            discussion: """
                Exits 9 when the run has already ended.

                Example:
                  gw runs cancel RUN_ID --reason "wrong branch"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run id", completion: .runIds) var runId: String
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.cancelRun(runId, reason: reason), fields: Columns.run)
        }
    }
}
