import ArgumentParser

/// One command of gw's command tree as the shell sees it: its name, subcommands and options.
struct CommandNode: Sendable {
    /// The name typed on the command line (`runs`, `list`); empty for the root.
    var name: String
    /// Other names the command answers to (`ls` for `list`); accepted, not offered.
    var aliases: [String] = []
    /// The subcommands, in declaration order.
    var children: [CommandNode] = []
    /// The options, read from the command's help screen.
    var options: [ShellOption] = []

    /// Where a list of words leads from a node.
    struct Resolution {
        /// The deepest command the words name.
        var node: CommandNode
        /// The names of the commands followed (`["runs", "list"]`).
        var path: [String] = []
        /// The words that are neither command names nor options nor option values.
        var positionals: [String] = []
        /// The option whose value comes next, when the words end with one (`--output`).
        var pendingOption: ShellOption?
    }

    /// The tree under `root`, built once: names from the configurations, options from each help screen.
    static func tree(root: any ParsableCommand.Type = GW.self) -> CommandNode {
        node(for: root, named: "", root: root)
    }

    private static func node(for type: any ParsableCommand.Type, named name: String, root: any ParsableCommand.Type)
        -> CommandNode
    {
        let help = root.helpMessage(for: type, includeHidden: false, columns: 10_000)
        let children = type.configuration.subcommands
            .filter { $0.configuration.shouldDisplay }
            .map { node(for: $0, named: $0._commandName, root: root) }
        return CommandNode(
            name: name, aliases: type.configuration.aliases, children: children,
            options: ShellOption.parse(helpText: help))
    }

    /// The subcommand called `name`.
    func child(named name: String) -> CommandNode? {
        children.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The option spelled `name` (`-o`, `--output`).
    func option(named name: String) -> ShellOption? {
        options.first { $0.names.contains(name) }
    }

    /// Follows `words` from this node: command names descend, options (and their values) are skipped.
    func resolve(_ words: [String]) -> Resolution {
        var resolution = Resolution(node: self)
        var afterTerminator = false
        for word in words {
            if resolution.pendingOption != nil {
                resolution.pendingOption = nil
            } else if !afterTerminator && word == "--" {
                afterTerminator = true
            } else if !afterTerminator && word.hasPrefix("-") && word.count > 1 {
                let name = String(word.prefix { $0 != "=" })
                if let option = resolution.node.option(named: name), option.takesValue, !word.contains("=") {
                    resolution.pendingOption = option
                }
            } else if resolution.positionals.isEmpty, let child = resolution.node.child(named: word) {
                resolution.node = child
                resolution.path.append(word)
            } else {
                resolution.positionals.append(word)
            }
        }
        return resolution
    }
}
