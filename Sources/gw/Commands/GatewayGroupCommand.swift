import ArgumentParser
import GatewayKit

extension GW {
    struct GatewayGroup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gateway",
            abstract: "Pause, resume or reload the gateway",
            subcommands: [Pause.self, Resume.self, Reload.self])
    }
}

extension GW.GatewayGroup {
    struct Pause: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refuse new runs from every source until resumed",
            discussion: """
                Running runs go on; approve, deny, resume and cancel keep working. Needs an admin token.

                Example:
                  gw gateway pause --reason "database maintenance"
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        func run(_ ctx: CLIContext) async throws {
            let paused = try await ctx.client.setPaused(true, reason: reason)
            ctx.output.show(JSONValue.object(["paused": .bool(paused)]), fields: [.init("Paused", "paused")])
        }
    }

    struct Resume: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept new runs again",
            discussion: """
                Example:
                  gw gateway resume
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        func run(_ ctx: CLIContext) async throws {
            let paused = try await ctx.client.setPaused(false, reason: reason)
            ctx.output.show(JSONValue.object(["paused": .bool(paused)]), fields: [.init("Paused", "paused")])
        }
    }

    struct Reload: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reload the pipeline files; an invalid set is refused and the old one stays",
            discussion: """
                Same as sending SIGHUP to `gw serve`. Exits 2 and prints every error when a file is invalid.

                Example:
                  gw gateway reload
                """)

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            do {
                let result = try await ctx.client.reload()
                ctx.output.show(result, fields: [
                    .init("Pipelines", "pipelines"), .init("Added", "added"), .init("Removed", "removed"), .init("Changed", "changed"),
                ])
            } catch let error as GatewayError where error.code.rawValue == "invalid_pipelines" {
                let lines = error.details?.arrayValue?.compactMap { d -> String? in
                    guard let file = d["file"]?.stringValue, let message = d["message"]?.stringValue else { return nil }
                    return "\(file):\(d["line"]?.jsonString ?? "0"):\(d["column"]?.jsonString ?? "0"): \(message)"
                } ?? []
                throw CommandExit(ExitCodes.usage, (["reload refused; the old pipelines stay:"] + lines).joined(separator: "\n"))
            }
        }
    }
}
