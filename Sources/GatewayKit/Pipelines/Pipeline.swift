/// A loaded, validated pipeline definition (DESIGN §2.2).
public struct Pipeline: Sendable {
    /// Unique id (`[a-z0-9][a-z0-9._-]*`).
    public var id: String
    public var description: String?
    /// Content hash of the file the pipeline was loaded from (runs keep the version they started with).
    public var version: String
    /// Path of the pipeline file.
    public var source: String
    /// Whether the pipeline is exposed as a model on `/v1/*`.
    public var openai: Bool
    /// The input JSON Schema (subset), if any.
    public var inputSchema: JSONValue?
    /// Pipeline timeout in seconds, if any.
    public var timeout: Double?
    /// Top-level steps, in order.
    public var steps: [StepDefinition]
    /// Declared triggers.
    public var triggers: [TriggerDefinition]
    /// The run's output, evaluated after the last step (nil: the last step's output).
    package var output: ValueTemplate?
    /// The file's text, pinned in the database when a run starts (so a restarted run finds its version).
    package var sourceText: String = ""
}

/// A trigger declared in a pipeline file.
public struct TriggerDefinition: Sendable {
    public var id: String
    /// `schedule`, `webhook` or `manual`.
    public var kind: String
    /// Every field of the trigger as written (the scheduler and webhook issues read them).
    public var fields: [String: JSONValue]
}

/// How often and how patiently a step is retried.
public struct RetryPolicy: Sendable, Hashable {
    /// Total tries (3 = at most 3 executions).
    public var attempts: Int
    /// Delay before the second try, in seconds.
    public var backoff: Double
    /// Multiplier applied to the delay after each try.
    public var factor: Double
    /// Upper bound of the delay, in seconds.
    public var maxDelay: Double?

    public init(attempts: Int, backoff: Double = 1, factor: Double = 2, maxDelay: Double? = nil) {
        self.attempts = attempts
        self.backoff = backoff
        self.factor = factor
        self.maxDelay = maxDelay
    }

    /// The delay before try number `attempt + 1` (attempt counts from 1).
    public func delay(after attempt: Int) -> Double {
        let raw = backoff * pow(factor, Double(max(0, attempt - 1)))
        return min(raw, maxDelay ?? raw)
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= base }
    return result
}
