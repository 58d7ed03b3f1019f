import CEditLine
import Foundation

/// What one prompt produced.
enum LineInput: Equatable, Sendable {
    /// A line, as typed.
    case line(String)
    /// Ctrl-C at the prompt: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Reads the shell's lines on a dedicated thread: with libedit on a terminal (history, Tab completion,
/// Ctrl-C abandons the line, Ctrl-Z suspends the shell), as plain lines without a prompt when stdin is not
/// a terminal.
final class LineEditor: Sendable {
    /// Most lines kept in memory and in the history file.
    static let historyLimit: Int32 = 1000

    private let thread = EditorThread()
    private let interactive: Bool
    private let historyPath: String?

    /// Sets libedit up (callbacks, history loaded from `historyPath`) when `interactive`.
    init(completer: ShellCompleter, historyPath: String?, interactive: Bool) async {
        self.interactive = interactive
        self.historyPath = historyPath
        guard interactive else { return }
        await thread.perform {
            setlocale(LC_CTYPE, "")
            LineEditorCallbacks.install()
            LineEditorCallbacks.completer = completer
            _ = rl_initialize()
            if let historyPath { _ = read_history(historyPath) }
            stifle_history(Self.historyLimit)
        }
    }

    /// The history file: `GW_HISTORY`, else `~/.gw_history`.
    static func historyPath(environment: [String: String]) -> String? {
        if let path = environment["GW_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".gw_history")
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) async -> LineInput {
        guard interactive else {
            return await thread.perform { Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end }
        }
        return await thread.perform {
            while true {
                LineEditorCallbacks.interrupted = false
                LineEditorCallbacks.suspended = false
                guard let pointer = readline(prompt) else { return .end }
                let line = String(cString: pointer)
                free(pointer)
                if LineEditorCallbacks.interrupted { return .interrupted }
                guard LineEditorCallbacks.suspended else { return .line(line) }
                LineEditorCallbacks.suspend(keeping: line)
            }
        }
    }

    /// Adds `line` to the history (trimmed; not if empty or the same as the previous line) and saves
    /// the history file (owner-only: lines may hold tokens).
    func remember(_ line: String) async {
        guard interactive else { return }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        let path = historyPath
        await thread.perform {
            guard Self.lastHistoryLine() != trimmed else { return }
            _ = add_history(trimmed)
            guard let path else { return }
            if write_history(path) == 0 { _ = chmod(path, 0o600) }
        }
    }

    /// The newest history entry.
    private static func lastHistoryLine() -> String? {
        guard let list = history_list() else { return nil }
        var index = 0
        while list[index] != nil { index += 1 }
        guard index > 0, let entry = list[index - 1], let line = entry.pointee.line else { return nil }
        return String(cString: line)
    }
}
