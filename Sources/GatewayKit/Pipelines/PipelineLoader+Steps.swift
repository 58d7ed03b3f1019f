import Foundation

/// Reading steps: common fields, ids, scopes; each kind's fields are in `PipelineLoader+StepKinds`.
extension PipelineLoader {
    /// Keys every step may have.
    static let commonStepKeys = ["id", "kind", "if", "timeout", "retry", "continueOnError"]
    /// The step kinds with their own keys, in the order of the DESIGN table.
    static let kindKeys: KeyValuePairs<String, [String]> = [
        "exec": ["run", "command", "env", "cwd", "stdin", "parse"],
        "http": ["method", "url", "headers", "query", "body", "expectStatus"],
        "set": ["values"],
        "sleep": ["duration", "until"],
        "wait": ["message", "timeout", "onTimeout", "schema"],
        "approval": ["message", "approvers", "timeout", "onTimeout", "onDeny"],
        "parallel": ["steps", "maxConcurrency", "failFast"],
        "foreach": ["items", "as", "steps", "concurrency"],
        "invoke": ["pipeline", "input"],
        "infer": ["backend", "model", "system", "prompt", "messages", "temperature", "maxTokens", "json"],
        "agent": ["agent", "prompt", "session", "permissions", "cwd"],
        "fail": ["message"],
    ]
    /// The form of step ids.
    static let stepIDPattern = "^[A-Za-z0-9_-]+$"

    /// A list of steps. Each sees the steps before it, unless `concurrent` (a `parallel`'s children).
    /// The pipeline's own list may be empty (`allowEmpty`); a `parallel` or `foreach` needs a step.
    func steps(_ r: YAMLReader, what: String, concurrent: Bool, allowEmpty: Bool = false) -> [StepDefinition] {
        guard let items = attempt({ try r.sequence(what: what) }) else { return [] }
        if items.isEmpty, !allowEmpty { errors.append(r.error("\(what) must not be empty")) }
        let outer = scope
        defer { scope = outer }
        var out: [StepDefinition] = []
        for item in items {
            let before = declaredSteps.count
            if let step = step(item) { out.append(step) }
            if !concurrent { scope.visibleSteps?.formUnion(declaredSteps[before...]) }
        }
        return out
    }

    /// One step; nil when it has errors (which are recorded).
    func step(_ r: YAMLReader) -> StepDefinition? {
        guard let members = attempt({ try r.mapping(what: "a step") }) else { return nil }
        let map = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let id = stepID(map["id"], in: r)
        let kind = map["kind"].flatMap { kindName($0) }
        if map["kind"] == nil { errors.append(r.error("\(id.map { "step '\($0)'" } ?? "a step") needs a kind")) }
        let name = "\(kind ?? "a") step '\(id ?? "?")'"
        let outer = scope
        defer { scope = outer }
        scope.stepID = id
        if let kind, let own = Self.kindKeys.first(where: { $0.key == kind })?.value {
            checkKeys(members, allowed: Self.commonStepKeys + own, what: name)
        }
        let fields = StepFields(reader: r, name: name, members: map)
        let errorCount = errors.count
        let test = optional(fields, "if") { try condition($0) }
        let timeout = optional(fields, "timeout") { try positiveDuration($0, what: "timeout") }
        let retry = optional(fields, "retry") { try retryPolicy($0) }
        let continueOnError = optional(fields, "continueOnError") { try $0.bool(what: "continueOnError") }
        guard let kind, let id, let config = config(kind, fields), errors.count == errorCount else { return nil }
        var step = StepDefinition(id: id, condition: test, timeout: timeout, retry: retry,
                                  continueOnError: continueOnError ?? false, position: position(of: r), config: config)
        if case .invoke = config, let target = map["pipeline"] { step.targetPosition = position(of: target) }
        return step
    }

    private func stepID(_ r: YAMLReader?, in step: YAMLReader) -> String? {
        guard let r else {
            errors.append(step.error("a step needs an id"))
            return nil
        }
        guard let id = attempt({ try r.string(what: "step id") }) else { return nil }
        guard id.range(of: Self.stepIDPattern, options: .regularExpression) != nil else {
            errors.append(r.error("step id '\(id)' must match [A-Za-z0-9_-]+"))
            return nil
        }
        if let first = stepPositions[id] {
            errors.append(r.error("duplicate step id '\(id)' (first defined at line \(first.line))"))
            return nil
        }
        stepPositions[id] = position(of: r)
        declaredSteps.append(id)
        return id
    }

    private func kindName(_ r: YAMLReader) -> String? {
        guard let kind = attempt({ try r.string(what: "kind") }) else { return nil }
        guard Self.kindKeys.contains(where: { $0.key == kind }) else {
            let all = Self.kindKeys.map(\.key).joined(separator: ", ")
            errors.append(r.error("unknown step kind '\(kind)' (allowed: \(all))"))
            return nil
        }
        return kind
    }

    /// `retry: 3` or `retry: {attempts, backoff, factor, maxDelay}`.
    private func retryPolicy(_ r: YAMLReader) throws -> RetryPolicy {
        if case .scalar = r.node { return RetryPolicy(attempts: try integer(r, what: "retry", minimum: 1)) }
        let members = try r.mapping(allowed: ["attempts", "backoff", "factor", "maxDelay"], what: "retry")
        var policy = RetryPolicy(attempts: 0)
        for member in members {
            switch member.key {
            case "attempts": policy.attempts = try integer(member.value, what: "retry.attempts", minimum: 1)
            case "backoff": policy.backoff = try member.value.duration(what: "retry.backoff")
            case "maxDelay": policy.maxDelay = try member.value.duration(what: "retry.maxDelay")
            default:
                policy.factor = try number(member.value, what: "retry.factor")
                guard policy.factor >= 1 else { throw member.value.error("retry.factor must be at least 1") }
            }
        }
        guard policy.attempts > 0 else { throw r.error("retry needs attempts") }
        return policy
    }
}
