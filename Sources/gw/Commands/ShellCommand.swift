import ArgumentParser

extension GW {
    /// `gw shell`: an interactive prompt that runs gw commands.
    struct Shell: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run gw commands at an interactive prompt with history and Tab completion",
            discussion: """
                Each line is split like a POSIX shell line (single and double quotes, backslashes, # comments) \
                and runs as the gw command it names; a failing command prints its error and the prompt comes \
                back. The --addr, --token, --output and --no-color given here apply to every command. Tab \
                completes commands, subcommands and flags; Ctrl-C stops the running command (at the prompt it \
                abandons the line); exit, quit or Ctrl-D leave with the last command's status (`exit N` with N). \
                `serve` and `shell` do not run inside the shell. History is kept in ~/.gw_history (GW_HISTORY \
                overrides the path). When stdin is not a terminal, lines are read from it without a prompt.

                Example:
                  gw shell --addr http://127.0.0.1:7070
                  gw 127.0.0.1:7070> runs list --status waiting --output json
                """)

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let status = await ShellLoop(global: global).run()
            if status != ExitCodes.ok { throw CommandExit(status) }
        }
    }
}
