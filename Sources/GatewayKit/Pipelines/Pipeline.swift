/// A loaded, validated pipeline definition (DESIGN §2.2).
public struct Pipeline: Sendable {
    /// Unique id (`[a-z0-9][a-z0-9._-]*`).
    public var id: String
    public var description: String?
    /// Content hash of the file the pipeline was loaded from.
    public var version: String
    /// Path of the pipeline file.
    public var source: String
    /// Whether the pipeline is exposed as a model on `/v1/*`.
    public var openai: Bool
    /// The input JSON Schema (subset), if any.
    public var inputSchema: JSONValue?
    /// Pipeline timeout in seconds, if any.
    public var timeout: Double?
    /// Top-level steps.
    public var steps: [StepDefinition]
    /// Declared triggers.
    public var triggers: [TriggerDefinition]
}

/// One step of a pipeline (its kind-specific fields are kept as JSON until the engine reads them).
public struct StepDefinition: Sendable {
    public var id: String
    public var kind: String
    public var condition: String?
    public var timeout: Double?
    /// Inner steps of `parallel` / `foreach`.
    public var steps: [StepDefinition]
    /// Every field of the step as written.
    public var fields: [String: JSONValue]
}

/// A trigger declared in a pipeline file.
public struct TriggerDefinition: Sendable {
    public var id: String
    public var kind: String
    /// Every field of the trigger as written.
    public var fields: [String: JSONValue]
}
