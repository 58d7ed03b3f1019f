import ArgumentParser
import GatewayKit

extension GW {
    struct Schedules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, add, remove, pause, resume and preview schedules",
            subcommands: [List.self, Get.self, Add.self, Remove.self, Pause.self, Resume.self, Preview.self])
    }
}

extension GW.Schedules {
    struct List: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every schedule, from pipeline files and from the API",
            discussion: """
                Example:
                  gw schedules list --output json
                """,
            aliases: ["ls"])

        @OptionGroup var global: GlobalOptions

        func run(_ ctx: CLIContext) async throws {
            ctx.output.list(try await ctx.client.schedules(), columns: Columns.schedules)
        }
    }

    struct Get: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a schedule with its counters and last outcome",
            discussion: """
                Example:
                  gw schedules get nightly --output json
                """,
            aliases: ["show"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule id", completion: .scheduleIds) var schedule: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.schedule(schedule), fields: Columns.schedule)
        }
    }

    struct Remove: ClientCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a schedule made over the API",
            discussion: """
                Schedules declared in a pipeline file cannot be removed here (exit 9); edit the file instead.

                Example:
                  gw schedules rm nightly-report
                """,
            aliases: ["remove"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule id", completion: .scheduleIds) var schedule: String

        func run(_ ctx: CLIContext) async throws {
            try await ctx.client.removeSchedule(schedule)
            ctx.output.note("removed schedule \(schedule)")
        }
    }

    struct Pause: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause a schedule; its fires are skipped until resumed",
            discussion: """
                Example:
                  gw schedules pause nightly
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule id", completion: .scheduleIds) var schedule: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.pauseSchedule(schedule), fields: Columns.schedule)
        }
    }

    struct Resume: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resume a paused schedule",
            discussion: """
                Example:
                  gw schedules resume nightly
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule id", completion: .scheduleIds) var schedule: String

        func run(_ ctx: CLIContext) async throws {
            ctx.output.show(try await ctx.client.resumeSchedule(schedule), fields: Columns.schedule)
        }
    }

    struct Preview: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a schedule's next fire times in UTC and local time",
            discussion: """
                A note marks fires that a daylight-saving change moved or merged.

                Example:
                  gw schedules preview nightly --count 10
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The schedule id", completion: .scheduleIds) var schedule: String
        @Option(help: ArgumentHelp("How many fire times (1-1000)", valueName: "n")) var count: Int?

        func validate() throws {
            if let count, !(1...1000).contains(count) { throw ValidationError("--count must be between 1 and 1000") }
        }

        func run(_ ctx: CLIContext) async throws {
            let preview = try await ctx.client.previewSchedule(schedule, count: count)
            ctx.output.list(preview, rows: Printer.json(preview)["fires"]?.arrayValue ?? [], columns: Columns.fires)
        }
    }
}
