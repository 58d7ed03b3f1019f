import Foundation

/// What a person (or a timer) tells a step that waits: a wait resumed, an approval decided, a breakpoint released.
enum HumanSignal: Sendable {
    case resumed(output: JSONValue, actor: String)
    case decided(approved: Bool, actor: String, reason: String?)
    case released(stepMode: Bool, actor: String)
}

/// A step that waits for a person, registered with the engine so API calls can find and wake it.
struct PendingGate: Sendable {
    enum Kind: String, Sendable { case wait, approval, breakpoint }
    let kind: Kind
    let runId: String
    let stepId: String
    /// Who may decide an approval (empty: any `operate` token).
    let approvers: [String]
    /// JSON Schema a wait's resume output must satisfy.
    let schema: JSONValue?
    /// Delivers the signal; resumes once the step has committed its consequence.
    let deliver: @Sendable (HumanSignal) async -> Void
}
