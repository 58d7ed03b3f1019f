import ArgumentParser
import Foundation

/// The shell's read–run loop: reads a line, splits it like a POSIX shell, runs it as a gw command line
/// through `GW.run(arguments:)`, and goes on whatever the command's outcome.
struct ShellLoop {
    /// The global options given to `gw shell`, passed on to every command that accepts them.
    let global: GlobalOptions
    /// The process environment (history path, default address).
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// What a line led to.
    enum Outcome: Equatable {
        /// Nothing ran (blank line, comment); the last status stays.
        case nothing
        /// A command ran, or was refused, with this status.
        case ran(Int32)
        /// The user asked to leave, with this status.
        case leave(Int32)
    }

    /// Runs the prompt until `exit`, `quit`, Ctrl-D or the end of input; returns the last command's status.
    func run() async -> Int32 {
        let tree = CommandNode.tree()
        let interactive = isatty(STDIN_FILENO) == 1
        let client = try? CLIContext.make(global, environment: environment).client
        let live = client.map { ShellLiveValues(source: LiveIds(client: $0)) }
        let editor = await LineEditor(
            completer: ShellCompleter(root: tree, provider: live),
            historyPath: LineEditor.historyPath(environment: environment),
            interactive: interactive)
        let interrupter = CommandInterrupter()
        defer { interrupter.stop() }
        let address = global.addr ?? environment["GW_ADDR"]
        var status: Int32 = 0
        while true {
            var prompt = Self.prompt(address: address)
            if interactive, let client { prompt = Self.prompt(address: address, status: await ShellStatus.fetch(client)) }
            switch await editor.read(prompt: prompt) {
            case .end:
                if interactive { StandardStreams.write("") }
                return status
            case .interrupted:
                continue
            case .line(let line):
                await editor.remember(line)
                defer { live?.invalidate() }
                switch await perform(line, tree: tree, status: status, interrupter: interrupter) {
                case .nothing: break
                case .ran(let code): status = code
                case .leave(let code): return code
                }
            }
        }
    }

    /// Splits `line` and runs it: shell verbs here, everything else as a gw command line.
    func perform(_ line: String, tree: CommandNode, status: Int32, interrupter: CommandInterrupter) async -> Outcome {
        let words: [String]
        do {
            words = try ShellTokenizer.tokenize(line)
        } catch {
            StandardStreams.writeError("gw: \(error.message)")
            return .ran(ExitCodes.usage)
        }
        guard let verb = words.first else { return .nothing }
        switch verb {
        case "exit", "quit":
            guard words.count <= 2, let code = words.count == 2 ? Int32(words[1]) : status else {
                StandardStreams.writeError("gw: usage: \(verb) [status]")
                return .ran(ExitCodes.usage)
            }
            return .leave(code)
        case "help" where words.count == 1:
            StandardStreams.write(GW.helpMessage())
            StandardStreams.write("\n" + Self.shellHelp)
            return .ran(ExitCodes.ok)
        case "shell":
            StandardStreams.writeError("gw: this is already the gw shell")
            return .ran(ExitCodes.usage)
        case "serve":
            StandardStreams.writeError("gw: `serve` does not run inside the shell; run `gw serve` in a terminal")
            return .ran(ExitCodes.usage)
        default:
            return .ran(await interrupter.run(Self.passing(global, to: words, tree: tree)))
        }
    }

    /// How the shell itself is used, printed after the command list by `help`.
    static let shellHelp = """
        In the shell: type commands without `gw` (runs list --output json). `help COMMAND` shows a
        command's help; Tab completes commands and --flags; Ctrl-C stops the running command;
        exit, quit or Ctrl-D leave.
        """

    /// `words` plus the shell's `--addr`, `--token`, `--output` and `--no-color`, each only when given to
    /// the shell, accepted by the command and not already on the line (global options follow the command).
    static func passing(_ global: GlobalOptions, to words: [String], tree: CommandNode) -> [String] {
        guard words.first != "help" else { return words }
        let node = tree.resolve(words).node
        var extra: [String] = []
        func pass(_ name: String, _ value: String?) {
            guard let value, let option = node.option(named: name) else { return }
            let given = words.contains { word in
                option.names.contains(word) || option.names.contains { word.hasPrefix($0 + "=") }
            }
            if !given { extra += option.takesValue ? [name, value] : [name] }
        }
        pass("--addr", global.addr)
        pass("--token", global.token)
        pass("--output", global.output?.rawValue)
        pass("--no-color", global.noColor ? "" : nil)
        var result = words
        result.insert(contentsOf: extra, at: words.firstIndex(of: "--") ?? words.endIndex)
        return result
    }

    /// `gw host:port [paused, 2 approvals]> `: the prompt for `address` with what `status` has to say.
    static func prompt(address: String?, status: ShellStatus) -> String {
        String(prompt(address: address).dropLast(2)) + status.note + "> "
    }

    /// `gw host:port> ` for the gateway at `address` (default `http://127.0.0.1:7070`).
    static func prompt(address: String?) -> String {
        let address = address.flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:7070"
        let normalized = address.contains("://") ? address : "http://\(address)"
        guard let url = URL(string: normalized), let host = url.host else { return "gw \(address)> " }
        let port = url.port ?? (url.scheme == "https" ? 443 : 80)
        return "gw \(host):\(port)> "
    }
}
