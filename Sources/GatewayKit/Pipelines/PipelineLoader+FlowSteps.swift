import Foundation

/// The fields of `parallel`, `foreach`, `invoke`, `infer` and `agent` steps.
extension PipelineLoader {
    /// The form of a `foreach.as` name.
    static let itemNamePattern = "^[A-Za-z_][A-Za-z0-9_]*$"

    func parallel(_ f: StepFields) -> StepConfig? {
        let maxConcurrency = optional(f, "maxConcurrency") { try integer($0, what: "maxConcurrency", minimum: 1) }
        let failFast = optional(f, "failFast") { try $0.bool(what: "failFast") }
        guard let r = f["steps"] else {
            errors.append(f.reader.error("\(f.name) needs steps"))
            return nil
        }
        let children = steps(r, what: "steps", concurrent: true)
        return .parallel(ParallelStepConfig(steps: children, maxConcurrency: maxConcurrency, failFast: failFast ?? true))
    }

    func foreach(_ f: StepFields) -> StepConfig? {
        let itemName = optional(f, "as") { r in
            let name = try r.string(what: "as")
            let reserved = ReferenceScope.pipelineRoots + ["index"]
            guard name.range(of: Self.itemNamePattern, options: .regularExpression) != nil, !reserved.contains(name) else {
                let names = reserved.joined(separator: ", ")
                throw r.error("as must be a name ([A-Za-z_][A-Za-z0-9_]*) other than \(names), found '\(name)'")
            }
            return name
        } ?? "item"
        let items = required(f, "items") { r in
            let items = try valueTemplate(r, what: "items")
            if case .literal(let json) = items, json.arrayValue == nil {
                throw r.error("items must be a list or an expression giving one")
            }
            return items
        }
        let concurrency = optional(f, "concurrency") { try integer($0, what: "concurrency", minimum: 1) }
        guard let r = f["steps"] else {
            errors.append(f.reader.error("\(f.name) needs steps"))
            return nil
        }
        scope.roots += [itemName, "index"]
        let children = steps(r, what: "steps", concurrent: false)
        guard let items else { return nil }
        return .foreach(ForeachStepConfig(items: items, itemName: itemName, steps: children,
                                          concurrency: concurrency ?? 1))
    }

    func invoke(_ f: StepFields) -> StepConfig? {
        let pipeline = required(f, "pipeline") { r in
            let id = try r.string(what: "pipeline")
            guard id.range(of: Self.idPattern, options: .regularExpression) != nil else {
                throw r.error("pipeline must be a pipeline id ([a-z0-9][a-z0-9._-]*), found '\(id)'")
            }
            return id
        }
        let input = optional(f, "input") { try valueTemplate($0, what: "input") }
        return pipeline.map { .invoke(pipeline: $0, input: input) }
    }

    func infer(_ f: StepFields) -> StepConfig? {
        if f["prompt"] == nil, f["messages"] == nil {
            errors.append(f.reader.error("\(f.name) needs prompt or messages"))
        }
        if f["prompt"] != nil, f["messages"] != nil {
            errors.append(f.reader.error("\(f.name) needs prompt or messages, not both"))
        }
        _ = optional(f, "backend") { try configuredName($0, what: "backend", in: options.backends, section: "backends") }
        _ = optional(f, "temperature") { r in
            guard try number(r, what: "temperature") >= 0 else { throw r.error("temperature must not be negative") }
        }
        _ = optional(f, "maxTokens") { try integer($0, what: "maxTokens", minimum: 1) }
        _ = optional(f, "json") { r in
            if case .mapping = r.node { _ = schema(r, what: "json") } else { _ = try r.bool(what: "json") }
        }
        _ = optional(f, "messages") { r in
            guard case .scalar = r.node else { return _ = try r.sequence(what: "messages") }
            guard try r.string(what: "messages").contains("${{") else { throw r.error("messages must be a list or an expression") }
        }
        return fieldTemplates(f, kind: "infer").map { .infer(fields: $0) }
    }

    func agent(_ f: StepFields) -> StepConfig? {
        _ = required(f, "agent") { try configuredName($0, what: "agent", in: options.agents, section: "agents") }
        _ = required(f, "prompt") { try $0.string(what: "prompt") }
        _ = optional(f, "permissions") { try choice($0, ["allow", "deny", "ask"], what: "permissions") }
        return fieldTemplates(f, kind: "agent").map { .agent(fields: $0) }
    }

    /// The kind's own fields as value templates.
    private func fieldTemplates(_ f: StepFields, kind: String) -> [String: ValueTemplate]? {
        let own = Self.kindKeys.first(where: { $0.key == kind })?.value ?? []
        var out: [String: ValueTemplate] = [:]
        var failed = false
        for (key, r) in f.members where own.contains(key) {
            guard let value = attempt({ try valueTemplate(r, what: key) }) else {
                failed = true
                continue
            }
            out[key] = value
        }
        return failed ? nil : out
    }

    /// A name that `gw.yaml` configures under `section` (a backend or an agent).
    private func configuredName(_ r: YAMLReader, what: String, in names: Set<String>, section: String) throws -> String {
        let name = try r.string(what: what)
        guard !name.contains("${{") else { throw r.error("\(what) must be a name, not an expression") }
        guard names.contains(name) else {
            let known = names.isEmpty ? "none" : names.sorted().joined(separator: ", ")
            throw r.error("unknown \(what) '\(name)' (configured in gw.yaml \(section): \(known))")
        }
        return name
    }
}
