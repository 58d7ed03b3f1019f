import ArgumentParser
import GatewayKit

extension GW.Pipelines {
    struct Run: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline and wait for it to end",
            discussion: """
                Waits up to --wait for the end of the run, then prints the run record. While it waits, its
                progress goes to stderr: on a terminal each step event and a status line (run, status, current
                step, steps done, elapsed); otherwise one plain line per step event. Stdout holds only the result.
                Exits 0 when the run completed, 3 when it failed, 4 when it was cancelled, and 5 when it was
                still running or waiting as the wait ended (follow it with `gw runs watch RUN`).

                Examples:
                  gw pipelines run deploy --input '{"ref": "main"}'
                  gw pipelines run deploy --set ref=main --set build.flags=-O --wait 5m --output json
                  gw pipelines run deploy --input @input.json --idempotency-key release-42
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The pipeline id", completion: .pipelineIds) var pipeline: String
        @OptionGroup var inputOptions: InputOptions
        @Option(help: ArgumentHelp("How long to wait for the end of the run (500ms, 30s, 5m, 1h30m)",
                                   valueName: "duration"))
        var wait = "30s"
        @OptionGroup var idempotency: IdempotencyOptions

        func validate() throws {
            guard DurationParser.parse(wait) != nil else {
                throw ValidationError("--wait \(wait): expected a duration such as 500ms, 30s, 5m or 1h30m")
            }
        }

        func run(_ ctx: CLIContext) async throws {
            let input = try inputOptions.resolve()
            let started = try await ctx.client.startPipeline(pipeline, input: input,
                                                             idempotencyKey: idempotency.idempotencyKey)
            if ctx.stderrIsTerminal { ctx.output.note("run \(started.runId) of \(pipeline), waiting up to \(wait)…") }
            let run = try await RunProgress(ctx: ctx).follow(started.runId, upTo: DurationParser.parse(wait) ?? 30)
            ctx.output.show(run, fields: Columns.run)
            try RunOutcome.finish(run)
        }
    }

    struct Start: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a pipeline run and return at once, or follow it with --follow",
            discussion: """
                Prints the new run's id and status. With --follow it follows the run until it ends (on a terminal
                a live view of its steps; otherwise its events, one per line) and exits like `gw pipelines run`:
                0 completed, 3 failed, 4 cancelled.

                Examples:
                  gw pipelines start deploy --set ref=main
                  gw pipelines start deploy --input @input.json --follow
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The pipeline id", completion: .pipelineIds) var pipeline: String
        @OptionGroup var inputOptions: InputOptions
        @Flag(help: "Print the run's events until it ends, then exit with its outcome") var follow = false
        @OptionGroup var idempotency: IdempotencyOptions

        func run(_ ctx: CLIContext) async throws {
            let input = try inputOptions.resolve()
            let started = try await ctx.client.startPipeline(pipeline, input: input,
                                                             idempotencyKey: idempotency.idempotencyKey)
            try await ctx.showOrFollow(started, follow: follow, note: "started run \(started.runId)")
        }
    }
}
