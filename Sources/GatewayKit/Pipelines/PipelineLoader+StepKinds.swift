import Foundation

/// Each step kind's own fields (DESIGN §2.2 table); the flow and model kinds are in `PipelineLoader+FlowSteps`.
extension PipelineLoader {
    /// HTTP methods an `http` step may use.
    static let httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// The typed configuration of a step of `kind`; nil when a field is wrong (errors are recorded).
    func config(_ kind: String, _ fields: StepFields) -> StepConfig? {
        switch kind {
        case "exec": return exec(fields)
        case "http": return http(fields)
        case "set": return required(fields, "values") { try valueMap($0, what: "values") }.map { .set(values: $0) }
        case "sleep": return sleep(fields)
        case "wait": return wait(fields)
        case "approval": return approval(fields)
        case "parallel": return parallel(fields)
        case "foreach": return foreach(fields)
        case "invoke": return invoke(fields)
        case "infer": return infer(fields)
        case "agent": return agent(fields)
        default: return fail(fields)
        }
    }

    private func exec(_ f: StepFields) -> StepConfig? {
        switch (f["run"], f["command"]) {
        case (.some, .some): errors.append(f.reader.error("\(f.name) needs run or command, not both"))
        case (nil, nil): errors.append(f.reader.error("\(f.name) needs run or command"))
        default: break
        }
        let run = optional(f, "run") { try template($0, what: "run") }
        let command = optional(f, "command") { try commandList($0) }
        if let run, let r = f["run"] { checkAllowed(script: run, at: r) }
        if let command, let r = f["command"] { checkAllowed(command: command, at: r) }
        let config = ExecStepConfig(
            run: run, command: command,
            env: optional(f, "env") { try templateMap($0, what: "env") } ?? [:],
            cwd: optional(f, "cwd") { try template($0, what: "cwd") },
            stdin: optional(f, "stdin") { try template($0, what: "stdin") },
            parse: optional(f, "parse") { try option($0, ["text", "json", "lines"], what: "parse") } ?? .text)
        return (run == nil) != (command == nil) ? .exec(config) : nil
    }

    private func commandList(_ r: YAMLReader) throws -> [Template] {
        let items = try r.sequence(what: "command")
        guard !items.isEmpty else { throw r.error("command must not be empty") }
        return try items.map { try template($0, what: "command") }
    }

    private func http(_ f: StepFields) -> StepConfig? {
        let method = optional(f, "method") { r in
            let text = try r.string(what: "method").uppercased()
            guard Self.httpMethods.contains(text) else {
                throw r.error("method must be one of \(Self.httpMethods.joined(separator: ", ")), found '\(text)'")
            }
            return text
        }
        guard let url = required(f, "url", { try template($0, what: "url") }) else { return nil }
        return .http(HTTPStepConfig(
            method: method ?? "GET", url: url,
            headers: optional(f, "headers") { try templateMap($0, what: "headers") } ?? [:],
            query: optional(f, "query") { try templateMap($0, what: "query") } ?? [:],
            body: optional(f, "body") { try valueTemplate($0, what: "body") },
            expectStatus: optional(f, "expectStatus") { try statuses($0) }))
    }

    private func statuses(_ r: YAMLReader) throws -> [Int] {
        let items = if case .sequence = r.node { try r.sequence(what: "expectStatus") } else { [r] }
        return try items.map { item in
            let status = try item.int(what: "expectStatus")
            guard (100...599).contains(status) else { throw item.error("expectStatus \(status) is not an HTTP status") }
            return status
        }
    }

    /// A mapping of keys to value templates (`set.values`).
    private func valueMap(_ r: YAMLReader, what: String) throws -> [String: ValueTemplate] {
        var out: [String: ValueTemplate] = [:]
        for member in try r.mapping(what: what) {
            out[member.key] = try valueTemplate(member.value, what: "\(what).\(member.key)")
        }
        return out
    }

    private func sleep(_ f: StepFields) -> StepConfig? {
        guard (f["duration"] == nil) != (f["until"] == nil) else {
            errors.append(f.reader.error("\(f.name) needs duration or until (one of them)"))
            return nil
        }
        let duration = optional(f, "duration") { try $0.duration(what: "duration") }
        let until = optional(f, "until") { r in
            let parsed = try template(r, what: "until")
            guard !parsed.isLiteral || Timestamp.parse(parsed.text) != nil else {
                throw r.error(
                    "until must be an RFC 3339 time (2026-11-29T18:00:00Z) or an expression, found '\(parsed.text)'")
            }
            return parsed
        }
        guard duration != nil || until != nil else { return nil }
        return .sleep(duration: duration, until: until)
    }

    private func wait(_ f: StepFields) -> StepConfig? {
        .wait(WaitStepConfig(
            message: optional(f, "message") { try template($0, what: "message") },
            timeout: optional(f, "timeout") { try positiveDuration($0, what: "timeout") },
            onTimeout: optional(f, "onTimeout") {
                try option($0, ["fail", "continue"], what: "onTimeout") as WaitStepConfig.OnTimeout
            } ?? .fail,
            schema: f["schema"].flatMap { schema($0, what: "schema") }))
    }

    private func approval(_ f: StepFields) -> StepConfig? {
        .approval(ApprovalStepConfig(
            message: optional(f, "message") { try template($0, what: "message") },
            approvers: optional(f, "approvers") { try $0.strings(what: "approvers") } ?? [],
            timeout: optional(f, "timeout") { try positiveDuration($0, what: "timeout") },
            onTimeout: optional(f, "onTimeout") {
                try option($0, ["deny", "approve", "fail"], what: "onTimeout") as ApprovalStepConfig.OnTimeout
            } ?? .deny,
            onDeny: optional(f, "onDeny") {
                try option($0, ["fail", "continue"], what: "onDeny") as ApprovalStepConfig.OnDeny
            } ?? .fail))
    }

    private func fail(_ f: StepFields) -> StepConfig? {
        let message = optional(f, "message") { try template($0, what: "message") }
        return .fail(message: message ?? literal("step '\(scope.stepID ?? "fail")' failed the run"))
    }

    /// A template with no expression.
    private func literal(_ text: String) -> Template {
        Template(text: text, segments: [.literal(text)])
    }
}
