import Testing

@testable import gw

/// Tab in `gw shell` completes from the real command tree; options come from each help screen.
@Suite struct ShellCompletionTests {
    /// A small tree shaped like gw's, so these cases do not depend on which groups exist yet.
    static let tree: CommandNode = {
        let output = ShellOption(names: ["-o", "--output"], takesValue: true, values: ["table", "json", "yaml"])
        let help = ShellOption(names: ["--help"], takesValue: false)
        let common = [ShellOption(names: ["--addr"], takesValue: true), output, help]
        let leaf = { (name: String, aliases: [String]) in CommandNode(name: name, aliases: aliases, options: common) }
        return CommandNode(name: "", children: [
            leaf("serve", []), leaf("health", []), leaf("shell", []),
            CommandNode(name: "pipelines", children: [leaf("list", ["ls"]), leaf("get", [])], options: common),
            CommandNode(name: "runs", children: [leaf("list", ["ls"]), leaf("get", [])], options: common),
            CommandNode(name: "sessions", children: [leaf("list", [])], options: common),
        ], options: [help, ShellOption(names: ["--version"], takesValue: false)])
    }()
    static let completer = ShellCompleter(root: tree)

    @Test(arguments: [
        ("pip", ["pipelines"]),
        ("pipelines ", ["get", "list"]),
        ("pipelines l", ["list"]),
        ("runs ls --o", ["--output"]),
        ("runs list --", ["--addr", "--help", "--output"]),
        ("health --output ", ["json", "table", "yaml"]),
        ("health -o j", ["json"]),
        ("health --addr ", []),
        ("ex", ["exit"]),
        ("se", ["sessions"]),
        ("ser", []),
        ("sh", []),
        ("health ", []),
        ("runs get abc ", []),
        ("nosuch --", ["--help", "--version"]),
    ])
    func completesFromTheCommandTree(_ line: String, _ expected: [String]) {
        #expect(Self.completer.candidates(lineBeforeCursor: line) == expected)
    }

    @Test func offersEveryTopLevelCommandAndTheShellVerbs() {
        #expect(Self.completer.candidates(lineBeforeCursor: "")
            == ["exit", "health", "help", "pipelines", "quit", "runs", "sessions"])
    }

    @Test func realTreeHasGroupsSubcommandsAndFlagsFromHelp() {
        let completer = ShellCompleter(root: CommandNode.tree())
        #expect(completer.candidates(lineBeforeCursor: "gat") == ["gateway"])
        #expect(completer.candidates(lineBeforeCursor: "gateway p") == ["pause"])
        #expect(completer.candidates(lineBeforeCursor: "gateway pause --re") == ["--reason"])
        #expect(completer.candidates(lineBeforeCursor: "health -o ") == ["json", "table", "yaml"])
        #expect(!completer.candidates(lineBeforeCursor: "").contains("serve"))
    }

    @Test func aliasesLeadToTheirCommand() {
        #expect(Self.tree.resolve(["runs", "ls"]).path == ["runs", "ls"])
        #expect(Self.tree.resolve(["runs", "ls", "--output", "json", "x"]).positionals == ["x"])
    }

    @Test func livePositionalValuesComeFromAProvider() {
        struct Runs: ShellValueProvider {
            func arguments(commandPath: [String], argumentIndex: Int, prefix: String) -> [String] {
                commandPath == ["runs", "get"] && argumentIndex == 0 ? ["run_1", "run_2", "other"] : []
            }
            func optionValues(commandPath: [String], option: ShellOption, prefix: String) -> [String] { [] }
        }
        let completer = ShellCompleter(root: Self.tree, provider: Runs())
        #expect(completer.candidates(lineBeforeCursor: "runs get run") == ["run_1", "run_2"])
        #expect(completer.candidates(lineBeforeCursor: "runs get --output json ") == ["other", "run_1", "run_2"])
        #expect(completer.candidates(lineBeforeCursor: "runs get run_1 ") == [])
    }

    @Test func readlineGetsTheCommonPrefixFirst() {
        #expect(ShellCompleter.readlineMatches(["--addr"]) == ["--addr", "--addr"])
        #expect(ShellCompleter.readlineMatches(["pause", "pipelines"]) == ["p", "pause", "pipelines"])
        #expect(ShellCompleter.readlineMatches([]) == [])
    }

    @Test func parsesOptionsFromHelp() {
        let help = """
            USAGE: gw x [--addr <url>]

            OPTIONS:
              --addr <url>            Gateway URL (env GW_ADDR; see --other)
              -o, --output <format>   Output format (values: table, json, yaml)
              --[no-]color            Colors
              -h, --help              Show help information.

            SUBCOMMANDS:
              --not-an-option
            """
        #expect(ShellOption.parse(helpText: help) == [
            ShellOption(names: ["--addr"], takesValue: true),
            ShellOption(names: ["-o", "--output"], takesValue: true, values: ["table", "json", "yaml"]),
            ShellOption(names: ["--color", "--no-color"], takesValue: false),
            ShellOption(names: ["-h", "--help"], takesValue: false),
        ])
    }

    @Test func passesTheShellsGlobalOptionsOnToCommandsThatTakeThem() throws {
        let global = try GlobalOptions.parse(["--addr", "http://gw:7070", "--token", "t"])
        let tree = CommandNode.tree()
        #expect(ShellLoop.passing(global, to: ["gateway", "pause"], tree: tree)
            == ["gateway", "pause", "--addr", "http://gw:7070", "--token", "t"])
        #expect(ShellLoop.passing(global, to: ["health", "--addr", "x"], tree: tree)
            == ["health", "--addr", "x", "--token", "t"])
        #expect(ShellLoop.passing(global, to: ["validate", "a.yaml"], tree: tree) == ["validate", "a.yaml"])
        #expect(ShellLoop.passing(global, to: ["help", "gateway"], tree: tree) == ["help", "gateway"])
    }

    @Test func promptShowsHostAndPort() {
        #expect(ShellLoop.prompt(address: nil) == "gw 127.0.0.1:7070> ")
        #expect(ShellLoop.prompt(address: "gw.internal:8080") == "gw gw.internal:8080> ")
        #expect(ShellLoop.prompt(address: "https://gw.example.com") == "gw gw.example.com:443> ")
    }
}
