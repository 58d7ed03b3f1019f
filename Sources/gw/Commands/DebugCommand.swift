import ArgumentParser
import GatewayKit

extension GW {
    struct Debug: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop runs at breakpoints and release them",
            subcommands: [Breakpoints.self, Add.self, Remove.self, Runs.self, Release.self])
    }
}

extension GW.Debug {
    struct Breakpoints: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the breakpoints",
            discussion: """
                Example:
                  gw debug breakpoints --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.breakpoints(), columns: Columns.breakpoints)
        }
    }

    struct Add: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop every run before the step with this id",
            discussion: """
                Without --pipeline the breakpoint applies to every pipeline with such a step. Needs an admin token.

                Example:
                  gw debug add ship --pipeline deploy --reason "inspect the release input"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The step id") var step: String
        @Option(help: ArgumentHelp("Only runs of this pipeline", valueName: "id")) var pipeline: String?
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        func run(_ ctx: CLIContext) async throws {
            let breakpoint = try await ctx.client.addBreakpoint(stepId: step, pipelineId: pipeline, reason: reason)
            ctx.output.show(breakpoint, fields: Columns.breakpoints)
        }
    }

    struct Remove: ClientCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a breakpoint",
            discussion: """
                Example:
                  gw debug rm ship --pipeline deploy
                """,
            aliases: ["remove"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The step id") var step: String
        @Option(help: ArgumentHelp("The pipeline the breakpoint was set for", valueName: "id")) var pipeline: String?
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        func run(_ ctx: CLIContext) async throws {
            try await ctx.client.removeBreakpoint(stepId: step, pipelineId: pipeline, reason: reason)
            ctx.output.note("removed breakpoint \(step)" + (pipeline.map { " of \($0)" } ?? ""))
        }
    }

    struct Runs: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the runs stopped at a breakpoint",
            discussion: """
                Example:
                  gw debug runs --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.debugRuns(), columns: Columns.debugRuns)
        }
    }

    struct Release: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a run stopped at a breakpoint go on",
            discussion: """
                With --step the run stops again before its next step.

                Examples:
                  gw debug release RUN_ID
                  gw debug release RUN_ID --step
                  gw debug release RUN_ID --reason "input checked"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run id", completion: .waitingRunIds) var runId: String
        @Flag(help: "Stop again before the next step") var step = false
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        func run(_ ctx: CLIContext) async throws {
            let run = try await ctx.client.releaseRun(runId, mode: step ? .step : ._continue, reason: reason)
            ctx.output.show(run, fields: Columns.run)
        }
    }
}
