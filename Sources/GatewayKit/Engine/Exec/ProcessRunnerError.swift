/// Why a child process could not be started.
package enum ProcessRunnerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The argv was empty (or its first element was).
    case emptyCommand
    /// `posix_spawnp` failed for the command, with the error text (`No such file or directory`, …).
    case spawnFailed(String, String)
    /// The working directory does not exist or is not a directory.
    case invalidWorkingDirectory(String, String)
    /// A pipe could not be created, with the error text (usually descriptor exhaustion).
    case pipeFailed(String)

    /// A message naming what failed and why.
    package var description: String {
        switch self {
        case .emptyCommand: "cannot run an empty command"
        case .spawnFailed(let command, let reason): "cannot run \"\(command)\": \(reason)"
        case .invalidWorkingDirectory(let path, let reason): "working directory \"\(path)\" \(reason)"
        case .pipeFailed(let reason): "cannot create a pipe for the child process: \(reason)"
        }
    }
}
