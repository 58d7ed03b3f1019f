import ArgumentParser
import GatewayKit

extension GW.Schedules {
    struct Add: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a schedule that runs a pipeline by cron, every interval, or once",
            discussion: """
                Give exactly one of --cron, --every and --at. Needs an admin token.

                Examples:
                  gw schedules add deploy --cron "0 3 * * *" --tz Europe/Berlin --overlap skip
                  gw schedules add report --every 15m --jitter 30s --set format=pdf
                  gw schedules add cleanup --at 2026-12-01T02:00:00.000Z --id december-cleanup
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The pipeline to run", completion: .pipelineIds) var pipeline: String
        @Option(help: ArgumentHelp("Cron expression: 5 fields (or 6 with leading seconds), names, @daily and friends",
                                   valueName: "expr"))
        var cron: String?
        @Option(help: ArgumentHelp("Fire every interval (at least 1s)", valueName: "duration")) var every: String?
        @Option(help: ArgumentHelp("Fire once at this RFC 3339 instant", valueName: "time")) var at: String?
        @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone of the cron expression", valueName: "zone"))
        var timezone: String?
        @Option(help: "When a fire comes while the previous run still runs (default skip)")
        var overlap: ScheduleOverlap?
        @Option(help: "Which fires missed while the gateway was down to make up (default latest)")
        var catchup: ScheduleCatchup?
        @Option(help: ArgumentHelp("Delay each fire by a random time up to this", valueName: "duration"))
        var jitter: String?
        @Option(help: ArgumentHelp("The schedule's id (default: chosen by the gateway)", valueName: "id"))
        var id: String?
        @OptionGroup var inputOptions: InputOptions

        func validate() throws {
            let given = [("--cron", cron), ("--every", every), ("--at", at)].filter { $0.1 != nil }.map(\.0)
            guard given.count == 1 else {
                let options = "--cron, --every or --at"
                throw ValidationError(given.isEmpty
                    ? "give one of \(options)"
                    : "\(given.joined(separator: " and ")) cannot be combined: give exactly one of \(options)")
            }
            if let every, (DurationParser.parse(every) ?? 0) < 1 {
                throw ValidationError("--every \(every): expected a duration of at least 1s, such as 30s, 5m or 1h30m")
            }
            if let jitter, DurationParser.parse(jitter) == nil {
                throw ValidationError("--jitter \(jitter): expected a duration such as 500ms, 30s or 5m")
            }
        }

        func run(_ ctx: CLIContext) async throws {
            let schedule = try await ctx.client.addSchedule(
                pipelineId: pipeline, id: id, cron: cron, every: every, at: at, timezone: timezone,
                input: try inputOptions.resolve(), overlap: overlap, catchup: catchup, jitter: jitter)
            ctx.output.show(schedule, fields: Columns.schedule)
        }
    }
}

extension ScheduleOverlap: ExpressibleByArgument {}
extension ScheduleCatchup: ExpressibleByArgument {}
