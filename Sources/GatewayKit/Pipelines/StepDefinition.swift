/// One step of a pipeline: the common fields and its kind's typed configuration.
public struct StepDefinition: Sendable {
    public var id: String
    /// `if:` — the step is skipped when this evaluates falsy.
    package var condition: Template?
    /// Seconds before the step is cancelled and fails.
    public var timeout: Double?
    public var retry: RetryPolicy?
    /// A failure is recorded but the run goes on.
    public var continueOnError: Bool
    /// Where the step is written (for messages).
    package var position: SourcePosition
    /// What the step does.
    package var config: StepConfig
    /// Where an `invoke` names its pipeline (`pipeline:`), for the unknown-pipeline error.
    package var targetPosition: SourcePosition? = nil

    /// The kind's name (`exec`, `http`, …).
    public var kind: String { config.kind }

    /// Inner steps of `parallel` and `foreach`.
    public var children: [StepDefinition] {
        switch config {
        case .parallel(let p): return p.steps
        case .foreach(let f): return f.steps
        default: return []
        }
    }
}

/// The typed configuration of each step kind (DESIGN §2.2 table).
package enum StepConfig: Sendable {
    case exec(ExecStepConfig)
    case http(HTTPStepConfig)
    case set(values: [String: ValueTemplate])
    case sleep(duration: Double?, until: Template?)
    case wait(WaitStepConfig)
    case approval(ApprovalStepConfig)
    case parallel(ParallelStepConfig)
    case foreach(ForeachStepConfig)
    case invoke(pipeline: String, input: ValueTemplate?)
    case infer(fields: [String: ValueTemplate])
    case agent(fields: [String: ValueTemplate])
    case fail(message: Template)

    package var kind: String {
        switch self {
        case .exec: "exec"
        case .http: "http"
        case .set: "set"
        case .sleep: "sleep"
        case .wait: "wait"
        case .approval: "approval"
        case .parallel: "parallel"
        case .foreach: "foreach"
        case .invoke: "invoke"
        case .infer: "infer"
        case .agent: "agent"
        case .fail: "fail"
        }
    }
}

/// `exec`: a shell script (`run`) or an argv (`command`).
package struct ExecStepConfig: Sendable {
    package enum Parse: String, Sendable { case text, json, lines }
    package var run: Template?
    package var command: [Template]?
    package var env: [String: Template]
    package var cwd: Template?
    package var stdin: Template?
    package var parse: Parse
}

/// `http`: one request through AsyncHTTPClient.
package struct HTTPStepConfig: Sendable {
    package var method: String
    package var url: Template
    package var headers: [String: Template]
    package var query: [String: Template]
    package var body: ValueTemplate?
    /// Accepted statuses (default: 200–299).
    package var expectStatus: [Int]?
}

/// `wait`: pause until `POST /runs/:id/resume`.
package struct WaitStepConfig: Sendable {
    package enum OnTimeout: String, Sendable { case fail, `continue` }
    package var message: Template?
    package var timeout: Double?
    package var onTimeout: OnTimeout
    /// JSON Schema the resume `output` must satisfy.
    package var schema: JSONValue?
}

/// `approval`: pause until approved or denied.
package struct ApprovalStepConfig: Sendable {
    package enum OnTimeout: String, Sendable { case deny, approve, fail }
    package enum OnDeny: String, Sendable { case fail, `continue` }
    package var message: Template?
    package var approvers: [String]
    package var timeout: Double?
    package var onTimeout: OnTimeout
    package var onDeny: OnDeny
}

/// `parallel`: inner steps run concurrently.
package struct ParallelStepConfig: Sendable {
    package var steps: [StepDefinition]
    package var maxConcurrency: Int?
    package var failFast: Bool
}

/// `foreach`: inner steps run once per item.
package struct ForeachStepConfig: Sendable {
    package var items: ValueTemplate
    /// Name of the item variable (default `item`).
    package var itemName: String
    package var steps: [StepDefinition]
    package var concurrency: Int
}
