import ArgumentParser
import Foundation
import GatewayKit

extension GW.Runs {
    struct Resume: ClientCommand {
        static let configuration = CommandConfiguration(
            abstract: "Continue a run that waits in a wait step, giving the step its output",
            discussion: """
                Here --output is the wait step's output (inline JSON, @file.json, or - for stdin); \
                choose the print format with -o.

                Examples:
                  gw runs resume RUN_ID --output '{"approved": true}'
                  gw runs resume RUN_ID --step collect --output @answer.json -o json
                  gw runs resume RUN_ID --output '{"version": "1.2"}' --reason "release manager's pick"
                """)

        @OptionGroup var options: ResumeGlobalOptions
        @Argument(help: "The run id", completion: .waitingRunIds) var runId: String
        @Option(help: ArgumentHelp("The waiting step (needed when several wait)", valueName: "step")) var step: String?
        @Option(name: .customLong("output"),
                help: ArgumentHelp("The step's output: inline JSON, @file.json, or - for stdin",
                                   valueName: "json|@file|-"))
        var stepOutput: String?
        @Option(help: "Why (recorded in the audit log)") var reason: String?

        var global: GlobalOptions { options.global }

        func validate() throws {
            if let stepOutput, !JSONArgument.isIndirect(stepOutput) {
                _ = try JSONArgument.parse(stepOutput, flag: "--output")
            }
        }

        func run(_ ctx: CLIContext) async throws {
            let output: JSONValue?
            do {
                output = try stepOutput.map {
                    try JSONArgument.parse($0, flag: "--output", readFile: FileManager.default.contents(atPath:),
                                           readStdin: { FileHandle.standardInput.readDataToEndOfFile() })
                }
            } catch let error as ValidationError {
                throw CommandExit(ExitCodes.usage, error.description)
            }
            ctx.output.show(try await ctx.client.resumeRun(runId, stepId: step, output: output, reason: reason), fields: Columns.run)
        }
    }
}

/// The global options of `gw runs resume`, where `--output` is the step's output, so the format is `-o` only.
struct ResumeGlobalOptions: ParsableArguments {
    @Option(name: .long,
            help: ArgumentHelp("Gateway URL (env GW_ADDR; default http://127.0.0.1:7070)", valueName: "url"))
    var addr: String?

    @Option(name: .long,
            help: ArgumentHelp("Bearer token (env GW_TOKEN, else the file in GW_TOKEN_FILE, else .gw/admin.token)",
                               valueName: "token"))
    var token: String?

    @Option(name: .customShort("o"), help: ArgumentHelp("Output format: table, json or yaml", valueName: "format"))
    var format: OutputFormat?

    @Flag(name: .long, help: "Disable colors (also NO_COLOR)")
    var noColor = false

    /// The same settings as the `GlobalOptions` every other command has.
    var global: GlobalOptions {
        var options = GlobalOptions()
        options.addr = addr
        options.token = token
        options.output = format
        options.noColor = noColor
        return options
    }
}
