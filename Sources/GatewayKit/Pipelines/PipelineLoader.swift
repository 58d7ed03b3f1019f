import Crypto
import Foundation

/// Reads one pipeline file into a `Pipeline`, reporting every error with file:line:col.
/// (Interim version: builds the typed model with light validation; full validation follows.)
public enum PipelineLoader {
    static let topLevelKeys = ["id", "description", "input", "timeout", "openai", "triggers", "steps", "output"]
    static let stepKinds = ["exec", "http", "set", "sleep", "wait", "approval", "parallel", "foreach", "invoke", "infer", "agent", "fail"]

    /// Loads and validates one file.
    /// - Throws: `LoadErrors`.
    public static func load(file: String, options: PipelineSet.Options) throws -> Pipeline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LoadErrors([LoadError(file: file, line: 0, column: 0, message: "cannot read the pipeline file")])
        }
        let version = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined().prefix(16)
        do {
            let root = try YAMLReader.document(String(decoding: data, as: UTF8.self), file: file)
            var pipeline = Pipeline(id: "", description: nil, version: String(version), source: file, openai: false,
                                    inputSchema: nil, timeout: nil, steps: [], triggers: [], output: nil)
            var sawID = false
            for m in try root.mapping(allowed: topLevelKeys, what: "a pipeline") {
                switch m.key {
                case "id":
                    pipeline.id = try m.value.string(what: "id")
                    sawID = true
                case "description": pipeline.description = try m.value.string(what: "description")
                case "input": pipeline.inputSchema = try m.value.json()
                case "timeout": pipeline.timeout = try m.value.duration(what: "timeout")
                case "openai": pipeline.openai = try m.value.bool(what: "openai")
                case "steps": pipeline.steps = try m.value.sequence(what: "steps").map { try step($0) }
                case "output": pipeline.output = try template(m.value)
                default: break
                }
            }
            guard sawID else { throw root.error("a pipeline needs an id") }
            return pipeline
        } catch let e as LoadError {
            throw LoadErrors([e])
        }
    }

    static func template(_ r: YAMLReader) throws -> ValueTemplate {
        do { return try ValueTemplate.parse(try r.json()) } catch let e as ExpressionError {
            throw r.error(e.description)
        }
    }

    static func text(_ r: YAMLReader?) throws -> Template? {
        guard let r else { return nil }
        do { return try Template.parse(try r.string(what: "a value")) } catch let e as ExpressionError {
            throw r.error(e.description)
        }
    }

    static func step(_ r: YAMLReader) throws -> StepDefinition {
        var f: [String: YAMLReader] = [:]
        for m in try r.mapping(what: "a step") { f[m.key] = m.value }
        guard let id = try f["id"]?.string(what: "step id") else { throw r.error("a step needs an id") }
        guard let kind = try f["kind"]?.string(what: "kind"), stepKinds.contains(kind) else {
            throw r.error("step '\(id)' needs a kind (\(stepKinds.joined(separator: ", ")))")
        }
        let position = SourcePosition(line: r.node.mark?.line ?? 0, column: r.node.mark?.column ?? 0)
        return StepDefinition(id: id, condition: try text(f["if"]), timeout: try f["timeout"]?.duration(what: "timeout"),
                              retry: nil, continueOnError: try f["continueOnError"]?.bool(what: "continueOnError") ?? false,
                              position: position, config: try config(kind, f))
    }

    static func config(_ kind: String, _ f: [String: YAMLReader]) throws -> StepConfig {
        func temps(_ key: String) throws -> [String: Template] {
            var out: [String: Template] = [:]
            for m in try f[key]?.mapping(what: key) ?? [] { out[m.key] = try text(m.value) }
            return out
        }
        switch kind {
        case "exec":
            return .exec(ExecStepConfig(run: try text(f["run"]), command: try f["command"]?.sequence(what: "command").map { try text($0)! },
                                        env: try temps("env"), cwd: try text(f["cwd"]), stdin: try text(f["stdin"]),
                                        parse: ExecStepConfig.Parse(rawValue: try f["parse"]?.string(what: "parse") ?? "text") ?? .text))
        case "http":
            return .http(HTTPStepConfig(method: try f["method"]?.string(what: "method") ?? "GET", url: try text(f["url"]) ?? Template.parse(""),
                                        headers: try temps("headers"), query: try temps("query"), body: try f["body"].map(template), expectStatus: nil))
        case "set":
            var values: [String: ValueTemplate] = [:]
            for m in try f["values"]?.mapping(what: "values") ?? [] { values[m.key] = try template(m.value) }
            return .set(values: values)
        case "sleep": return .sleep(duration: try f["duration"]?.duration(what: "duration"), until: try text(f["until"]))
        case "wait":
            return .wait(WaitStepConfig(message: try text(f["message"]), timeout: nil, onTimeout: .fail, schema: try f["schema"]?.json()))
        case "approval":
            return .approval(ApprovalStepConfig(message: try text(f["message"]), approvers: try f["approvers"]?.strings(what: "approvers") ?? [],
                                                timeout: nil, onTimeout: .deny, onDeny: .fail))
        case "parallel":
            return .parallel(ParallelStepConfig(steps: try f["steps"]?.sequence(what: "steps").map(step) ?? [], maxConcurrency: nil, failFast: true))
        case "foreach":
            return .foreach(ForeachStepConfig(items: try f["items"].map(template) ?? .literal(.array([])), itemName: "item",
                                              steps: try f["steps"]?.sequence(what: "steps").map(step) ?? [], concurrency: 1))
        case "invoke": return .invoke(pipeline: try f["pipeline"]?.string(what: "pipeline") ?? "", input: try f["input"].map(template))
        case "infer", "agent":
            var fields: [String: ValueTemplate] = [:]
            for (k, v) in f where k != "id" && k != "kind" { fields[k] = try template(v) }
            return kind == "infer" ? .infer(fields: fields) : .agent(fields: fields)
        default: return .fail(message: try text(f["message"]) ?? Template.parse("failed"))
        }
    }
}
