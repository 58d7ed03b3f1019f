import ArgumentParser
import GatewayKit

extension GW.Runs {
    struct Retry: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retry a run that ended, as a new run, from a step",
            discussion: """
                Starts a new run of the same pipeline version (--current: the version loaded now, e.g. after fixing \
                the pipeline file). The top-level steps before --from are not run again: they keep the outputs the \
                original recorded. Without --from the run goes on from the first step that did not complete (a \
                completed run runs again from its first step); without --input/--set the original input is used.
                Prints the new run's id; with --follow it follows the run and exits like `gw pipelines run`: \
                0 completed, 3 failed, 4 cancelled. Exits 9 when the run has not ended, 2 for a step that is not a \
                top-level step (or one before it that did not complete).

                Examples:
                  gw runs retry RUN_ID
                  gw runs retry RUN_ID --from deploy --current --follow
                  gw runs retry RUN_ID --set ref=v1.2.1 --reason "retry with the hotfix tag"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The run to retry", completion: .runIds) var runId: String
        @Option(name: .customLong("from"), help: ArgumentHelp("The top-level step to run again from", valueName: "step"),
                completion: .runStepIds)
        var fromStep: String?
        @OptionGroup var inputOptions: InputOptions
        @Flag(help: "Run the pipeline version loaded now instead of the original's") var current = false
        @Flag(help: "Follow the new run until it ends, then exit with its outcome") var follow = false
        @Option(help: "Why (recorded in the audit log)") var reason: String?
        @OptionGroup var idempotency: IdempotencyOptions

        func validate() throws {
            if fromStep?.isEmpty == true { throw ValidationError("--from needs a step id") }
        }

        func run(_ ctx: CLIContext) async throws {
            let input = try inputOptions.resolve()
            let started = try await ctx.client.retryRun(runId, fromStep: fromStep, input: input, current: current, reason: reason,
                                                        idempotencyKey: idempotency.idempotencyKey)
            try await ctx.showOrFollow(started, follow: follow, note: "started run \(started.runId) (retry of \(runId))")
        }
    }
}
