import Foundation

/// Writes to stdout and stderr (data to stdout; progress, hints and errors to stderr).
/// A reader that goes away (`gw runs events --follow | head`) ends gw quietly instead of crashing it.
enum StandardStreams {
    /// Writes `text` and a newline to stdout.
    static func write(_ text: String, terminator: String = "\n") {
        send(text + terminator, to: FileHandle.standardOutput)
    }

    /// Writes `text` and a newline to stderr.
    static func writeError(_ text: String, terminator: String = "\n") {
        send(text + terminator, to: FileHandle.standardError)
    }

    private static func send(_ text: String, to handle: FileHandle) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            exit(0)
        }
    }
}
