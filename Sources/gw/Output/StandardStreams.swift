import Foundation

/// Writes to stdout and stderr (data to stdout; progress, hints and errors to stderr).
enum StandardStreams {
    /// Writes `text` and a newline to stdout.
    static func write(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// Writes `text` and a newline to stderr.
    static func writeError(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }
}
