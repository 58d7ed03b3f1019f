/// The named values an expression can read: `input`, `steps`, `run`, `pipeline`, `secrets`, `item`, `index`, ….
package struct ExpressionContext: Sendable {
    /// Top-level names and their values; reading any other top-level name is an evaluation error.
    package var variables: [String: JSONValue]
    /// The values of the secrets reachable through `variables`, for callers that redact results.
    package var secretValues: Set<String>

    /// Creates a context.
    /// - Parameters:
    ///   - variables: Top-level names and their values.
    ///   - secretValues: Secret values to redact from whatever is derived from this context.
    package init(variables: [String: JSONValue] = [:], secretValues: Set<String> = []) {
        self.variables = variables
        self.secretValues = secretValues
    }
}
