import Foundation

/// Turns a run's progress into the SSE text of one OpenAI streaming API.
protocol OpenAIStreamEncoder: Sendable {
    /// The frames sent before the first delta (a role chunk, `response.created`…).
    mutating func opening() -> String
    /// The frame of one text delta.
    mutating func delta(_ text: String) -> String
    /// The frames ending the stream of a completed run (finish reason, usage, `[DONE]`).
    mutating func closing(_ record: RunRecord) -> String
    /// The frames ending the stream of a run that failed after the stream had started.
    mutating func failed(_ error: GatewayError) -> String
}
