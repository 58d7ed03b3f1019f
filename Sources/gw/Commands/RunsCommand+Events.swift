import ArgumentParser
import GatewayKit

extension GW.Runs {
    struct Events: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a run's events, or follow them until the run ends",
            discussion: """
                Without --follow, prints the events recorded so far. With --follow, prints each new event as a
                line `seq  type  stepId  data` (JSON lines with --output json) until the run ends.

                Examples:
                  gw runs events RUN_ID --since 10
                  gw runs events RUN_ID --follow --output json
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run id", completion: .runIds) var runId: String
        @Flag(help: "Keep printing new events until the run ends") var follow = false
        @Option(help: ArgumentHelp("Only events after this sequence number", valueName: "seq")) var since: Int?
        @Option(help: ArgumentHelp("At most this many events (1-10000; not with --follow)", valueName: "n"))
        var limit: Int?

        func validate() throws {
            if let since, since < 0 { throw ValidationError("--since must be 0 or more") }
            if let limit, !(1...10000).contains(limit) { throw ValidationError("--limit must be between 1 and 10000") }
            if follow && limit != nil { throw ValidationError("--limit cannot be combined with --follow") }
        }

        func run(_ ctx: CLIContext) async throws {
            if follow {
                _ = try await ctx.followEvents(runId, since: since ?? 0)
                return
            }
            let list = try await ctx.client.events(runId: runId, since: since, limit: limit)
            ctx.output.list(list, rows: Printer.json(list)["events"]?.arrayValue ?? [], columns: Columns.events)
        }
    }

    struct Watch: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Wait for a run to end, showing its progress, then print it",
            discussion: """
                On a terminal a live view shows each step (status, duration, last log line), the run's status
                and elapsed time, and what the run waits on with the command that continues it; otherwise
                each step and status change is printed as a plain line on stderr.
                Exits 0 when the run completed, 3 when it failed, 4 when it was cancelled.

                Example:
                  gw runs watch RUN_ID --output json
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run id", completion: .runIds) var runId: String

        func run(_ ctx: CLIContext) async throws {
            let watcher = ctx.watcher
            let run = try await watcher.watch(runId) { event in
                guard !watcher.live, ctx.output.format == .table else { return }
                let type = event["type"]?.stringValue ?? ""
                if type != "step.log" && type != "step.delta" { ctx.output.note(Columns.eventLine(event)) }
            }
            ctx.output.show(run, fields: Columns.run)
            try RunOutcome.finish(run)
        }
    }
}
