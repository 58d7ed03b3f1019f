/// Why talking to an agent failed; each message says what the agent did, for the step's error.
struct ACPError: Error, Sendable, CustomStringConvertible {
    /// A JSON-RPC error answered by the agent, or refused by gw.
    var code: Int
    var message: String

    var description: String { message }

    /// The agent answered a request with a JSON-RPC error.
    static func answered(_ method: String, code: Int, message: String) -> ACPError {
        ACPError(code: code, message: "the agent answered \(method) with error \(code): \(message)")
    }

    /// The agent process ended.
    static func exited(_ status: ExitStatus, stderr: String) -> ACPError {
        let how = status.signal.map { "was killed by signal \($0)" } ?? "exited with status \(status.code)"
        let said = stderr.isEmpty ? "" : "; its stderr ends with: \(stderr)"
        return ACPError(code: -32000, message: "the agent process \(how)\(said)")
    }

    /// The agent wrote something that is not JSON-RPC.
    static func badOutput(_ detail: String) -> ACPError {
        ACPError(code: -32700, message: "the agent wrote invalid JSON-RPC (\(detail)); it was stopped")
    }

    /// No answer in time.
    static func noAnswer(_ method: String, seconds: Double) -> ACPError {
        ACPError(code: -32000, message: "the agent did not answer \(method) within \(DurationParser.format(seconds))")
    }

    /// A client method gw refuses (unknown method, path outside cwd).
    static func refused(_ message: String, code: Int = -32602) -> ACPError {
        ACPError(code: code, message: message)
    }
}
