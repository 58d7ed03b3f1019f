import ArgumentParser
import GatewayKit

extension GW {
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read and verify the audit log of control-plane actions",
            subcommands: [List.self, Verify.self])
    }
}

extension GW.Audit {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List audit entries, filtered by run, actor, action or time",
            discussion: """
                Prints one page; when there are more, the cursor of the next page is printed on stderr.

                Examples:
                  gw audit list --actor alice --since 2026-11-01T00:00:00.000Z
                  gw audit list --run-id RUN_ID --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only entries about this run", valueName: "id")) var runId: String?
        @Option(help: ArgumentHelp("Only entries by this token name", valueName: "name")) var actor: String?
        @Option(help: ArgumentHelp("Only entries of this action", valueName: "action")) var action: String?
        @Option(help: ArgumentHelp("Only entries at or after this RFC 3339 time", valueName: "time")) var since: String?
        @Option(help: ArgumentHelp("Only entries before this RFC 3339 time", valueName: "time")) var until: String?
        @Option(help: ArgumentHelp("At most this many entries (1-1000)", valueName: "n")) var limit: Int?
        @Option(help: ArgumentHelp("The next page, as printed by the previous one", valueName: "cursor"))
        var cursor: String?

        func validate() throws {
            if let limit, !(1...1000).contains(limit) { throw ValidationError("--limit must be between 1 and 1000") }
        }

        func run(_ ctx: CLIContext) async throws {
            let page = try await ctx.client.audit(
                runId: runId, actor: actor, action: action, since: since, until: until, limit: limit, cursor: cursor)
            ctx.output.list(page, rows: Printer.json(page)["entries"]?.arrayValue ?? [], columns: Columns.audit)
            if let next = page.nextCursor.value as? String, ctx.output.format == .table { ctx.output.note("more: --cursor \(next)") }
        }
    }

    struct Verify: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain",
            discussion: """
                Exits 0 when the chain is intact and 1 when an entry was altered (the first broken seq is printed).

                Example:
                  gw audit verify --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            let verdict = try await ctx.client.verifyAudit()
            ctx.output.show(verdict, fields: [
                .init("OK", "ok"), .init("Entries", "entries"), .init("Broken at", "brokenAt"),
            ])
            guard verdict.ok else {
                let place = verdict.brokenAt.map { " at seq \($0)" } ?? ""
                throw CommandExit(ExitCodes.error, "the audit chain is broken" + place)
            }
        }
    }
}
