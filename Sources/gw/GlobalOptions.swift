import ArgumentParser

/// Options every client subcommand accepts (after the subcommand: `gw runs list -o json`).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Gateway URL (env GW_ADDR; default http://127.0.0.1:7070)", valueName: "url"))
    var addr: String?

    @Option(name: .long, help: ArgumentHelp("Bearer token (env GW_TOKEN, else the file in GW_TOKEN_FILE, else .gw/admin.token)", valueName: "token"))
    var token: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Output format: table, json or yaml", valueName: "format"))
    var output: OutputFormat?

    @Flag(name: .long, help: "Disable colors (also NO_COLOR)")
    var noColor = false
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, yaml
}
