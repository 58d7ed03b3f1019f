import ArgumentParser
import GatewayKit

extension GW {
    struct Approvals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List pending approval gates and approve or deny them",
            subcommands: [List.self, Approve.self, Deny.self])
    }
}

extension GW.Approvals {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the approval gates that wait for a decision",
            discussion: """
                Example:
                  gw approvals list --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.approvals(), columns: Columns.approvals)
        }
    }

    struct Approve: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a run's pending approval gate",
            discussion: """
                Exits 7 when your token is not among the step's approvers, 9 when nothing waits for approval.

                Examples:
                  gw approvals approve RUN_ID --reason "looks good"
                  gw runs approve RUN_ID --step ship-ok
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var decision: DecisionOptions

        func run(_ ctx: CLIContext) async throws {
            let run = try await ctx.client.approveRun(decision.runId, stepId: decision.step, reason: decision.reason)
            ctx.output.show(run, fields: Columns.run)
        }
    }

    struct Deny: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deny a run's pending approval gate",
            discussion: """
                By default a denied approval fails the run (the step's onDeny decides).

                Examples:
                  gw approvals deny RUN_ID --reason "not during the freeze"
                  gw runs deny RUN_ID --step ship-ok
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var decision: DecisionOptions

        func run(_ ctx: CLIContext) async throws {
            let run = try await ctx.client.denyRun(decision.runId, stepId: decision.step, reason: decision.reason)
            ctx.output.show(run, fields: Columns.run)
        }
    }
}

/// The run, step and reason of an approve or deny decision.
struct DecisionOptions: ParsableArguments {
    @Argument(help: "The run id", completion: .approvalRunIds) var runId: String
    @Option(help: ArgumentHelp("The approval step (needed when several are pending)", valueName: "step"))
    var step: String?
    @Option(help: ArgumentHelp("Why (recorded in the run's events and the audit log)", valueName: "text"))
    var reason: String?
}
