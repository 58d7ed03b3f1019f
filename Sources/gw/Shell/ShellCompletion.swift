/// Supplies live values (run ids, pipeline ids…) for completion; plugged into `ShellCompleter`.
///
/// Called synchronously on the prompt's thread while the user waits for Tab, so an implementation
/// should answer from a cache it refreshes elsewhere (or with a short timeout).
protocol ShellValueProvider: Sendable {
    /// Candidates for positional argument number `argumentIndex` (0-based) of the command at `commandPath`.
    func arguments(commandPath: [String], argumentIndex: Int, prefix: String) -> [String]
    /// Candidates for the value of `option` (any of its names) of the command at `commandPath`.
    func optionValues(commandPath: [String], option: ShellOption, prefix: String) -> [String]
}

/// Completes the word under the cursor: command names, subcommand names, `--flags` and option values.
struct ShellCompleter: Sendable {
    /// The command tree (see `CommandNode.tree()`).
    let root: CommandNode
    /// Live values, when some are available.
    var provider: (any ShellValueProvider)?

    /// Words the shell handles itself, offered with the top-level commands.
    static let shellVerbs = ["exit", "help", "quit"]
    /// Commands that cannot run inside the shell, never offered.
    static let refused: Set<String> = ["serve", "shell"]

    /// The completions, sorted, of the last word of `line` (the text from the start of the line to the cursor).
    func candidates(lineBeforeCursor line: String) -> [String] {
        let split = ShellTokenizer.split(line)
        var words = split.words
        let prefix = split.endsInWord ? words.removeLast() : ""
        let resolution = root.resolve(words)
        let path = resolution.path
        var pool: [String] = []
        if let option = resolution.pendingOption {
            pool = option.values + (provider?.optionValues(commandPath: path, option: option, prefix: prefix) ?? [])
        } else if prefix.hasPrefix("-") {
            pool = resolution.node.options.flatMap(\.names).filter { $0.hasPrefix("--") }
        } else if !resolution.node.children.isEmpty {
            if resolution.positionals.isEmpty {
                pool = resolution.node.children.map(\.name).filter { !(path.isEmpty && Self.refused.contains($0)) }
            }
            if words.isEmpty { pool += Self.shellVerbs }
        } else if let provider {
            let index = resolution.positionals.count
            pool = provider.arguments(commandPath: path, argumentIndex: index, prefix: prefix)
        }
        return Array(Set(pool.filter { $0.hasPrefix(prefix) })).sorted()
    }

    /// What libedit wants back: the longest common prefix of `matches` first, then the matches; empty for none.
    ///
    /// A single match comes twice (`[m, m]`): libedit reads `matches[2]` to tell a unique match, so the
    /// readline convention `[m]` would make it read past the array.
    static func readlineMatches(_ matches: [String]) -> [String] {
        guard let first = matches.first else { return [] }
        if matches.count == 1 { return [first, first] }
        var common = Substring(first)
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common = common.dropLast() }
        }
        return [String(common)] + matches
    }
}
