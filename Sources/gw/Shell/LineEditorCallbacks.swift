import CEditLine
import Foundation

/// The C callbacks libedit calls on the prompt thread, and the state they share.
///
/// libedit takes plain C function pointers, which cannot capture anything, so their state lives in
/// `nonisolated(unsafe)` statics. Only the `EditorThread` reads or writes them (set up through
/// `EditorThread.perform`, used from inside `readline`), which is what makes that safe.
enum LineEditorCallbacks {
    /// What Tab completes with.
    nonisolated(unsafe) static var completer: ShellCompleter?
    /// Set when Ctrl-C was typed at the prompt; the line read is then discarded.
    nonisolated(unsafe) static var interrupted = false
    /// Set when Ctrl-Z was typed at the prompt; the shell then stops and the line is typed again after `fg`.
    nonisolated(unsafe) static var suspended = false
    /// Characters `readCharacter` hands out before reading stdin again (a line kept over a suspension).
    nonisolated(unsafe) static var pending: [Unicode.Scalar] = []

    /// Installs the callbacks; call before anything else touches libedit (it reads some at initialization).
    static func install() {
        gw_set_catch_signals(0)
        gw_set_getc_function { _ in LineEditorCallbacks.readCharacter() }
        gw_set_pre_input_hook { LineEditorCallbacks.prepareTerminal() }
        gw_set_completion_function { text, _, _ in LineEditorCallbacks.complete(text) }
        gw_set_readline_name(strdup("gw"))
        gw_set_basic_word_break_characters(strdup(" \t\n"))
    }

    // MARK: - Ctrl-C and Ctrl-Z at the prompt

    /// Set by the SIGCONT handler while `suspend` waits (the one value written off the prompt thread:
    /// a single byte store from a signal handler, polled by `suspend`).
    nonisolated(unsafe) static var continued = false

    /// Stops the shell the way Ctrl-Z stops a program (once `readline` has given the terminal back), and
    /// arranges for `line` to be typed again at the next prompt, when the shell is continued.
    ///
    /// `kill` may return before the stop takes effect, and a prompt drawn in that window would be lost
    /// to the job shell, so this waits for SIGCONT (at most about a second when nothing stops the
    /// process: an orphaned process group ignores SIGTSTP).
    static func suspend(keeping line: String) {
        continued = false
        let previous = signal(SIGCONT) { _ in LineEditorCallbacks.continued = true }
        _ = kill(0, SIGTSTP)
        var waits = 0
        while !continued && waits < 100 {
            usleep(10_000)
            waits += 1
        }
        _ = signal(SIGCONT, previous)
        pending = Array(line.unicodeScalars)
    }

    /// Turns off the terminal's signal keys while editing, so Ctrl-C and Ctrl-Z reach `readCharacter` as bytes.
    ///
    /// `readline` sets the terminal up anew on every call (resetting this), and restores it when the
    /// line is done, so a command that runs afterwards gets SIGINT from Ctrl-C as usual.
    /// It also rereads the window size, which libedit would otherwise learn from SIGWINCH only.
    private static func prepareTerminal() -> Int32 {
        rl_resize_terminal()
        _ = rl_parse_and_bind("setty -d -isig")
        return 0
    }

    /// Reads one character (a Unicode scalar decoded from UTF-8) from stdin; Ctrl-C and Ctrl-Z end the line
    /// as if Enter was pressed and mark it `interrupted` or `suspended`. Returns -1 at the end of input.
    private static func readCharacter() -> Int32 {
        if !pending.isEmpty { return Int32(bitPattern: pending.removeFirst().value) }
        guard let lead = readByte() else { return -1 }
        if lead == 0x03 || lead == 0x1A {
            if lead == 0x03 { interrupted = true } else { suspended = true }
            return 0x0A
        }
        guard lead >= 0x80 else { return Int32(lead) }
        let extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        var scalar = UInt32(lead) & (0x3F >> UInt32(extra))
        for _ in 0..<extra {
            guard let next = readByte() else { return -1 }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        return Int32(bitPattern: scalar)
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    // MARK: - Tab

    /// Completes the word before the cursor (`text`), with the line so far for context.
    private static func complete(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        gw_set_completion_over(1)
        guard let completer, let buffer = gw_line_buffer() else { return nil }
        let point = min(max(Int(gw_point()), 0), strlen(buffer))
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: point), as: UTF8.self)
        let matches = ShellCompleter.readlineMatches(completer.candidates(lineBeforeCursor: line))
        guard !matches.isEmpty else { return nil }
        // libedit frees the array and the strings with free(3), so both come from malloc.
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (matches.count + 1)
        guard let raw = malloc(size) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: matches.count + 1)
        for (index, match) in matches.enumerated() { array[index] = strdup(match) }
        array[matches.count] = nil
        return array
    }
}
