import Crypto
import Foundation

/// Reads one pipeline file into a `Pipeline`, reporting every error with file:line:col.
/// (Minimal first version: top-level shape, ids and step kinds. Full validation comes with the engine.)
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
                                    inputSchema: nil, timeout: nil, steps: [], triggers: [])
            var sawID = false
            for m in try root.mapping(allowed: topLevelKeys, what: "a pipeline") {
                switch m.key {
                case "id":
                    pipeline.id = try m.value.string(what: "id")
                    sawID = true
                    guard pipeline.id.range(of: "^[a-z0-9][a-z0-9._-]*$", options: .regularExpression) != nil else {
                        throw m.value.error("id '\(pipeline.id)' must match [a-z0-9][a-z0-9._-]*")
                    }
                case "description": pipeline.description = try m.value.string(what: "description")
                case "input": pipeline.inputSchema = try m.value.json()
                case "timeout": pipeline.timeout = try m.value.duration(what: "timeout")
                case "openai": pipeline.openai = try m.value.bool(what: "openai")
                case "steps": pipeline.steps = try m.value.sequence(what: "steps").map { try step($0) }
                default: break
                }
            }
            guard sawID else { throw root.error("a pipeline needs an id") }
            return pipeline
        } catch let e as LoadError {
            throw LoadErrors([e])
        }
    }

    static func step(_ r: YAMLReader) throws -> StepDefinition {
        var fields: [String: JSONValue] = [:]
        var id: String?
        var kind: String?
        for m in try r.mapping(what: "a step") {
            if m.key == "id" { id = try m.value.string(what: "step id") }
            if m.key == "kind" {
                let k = try m.value.string(what: "kind")
                guard stepKinds.contains(k) else {
                    throw m.value.error("unknown step kind '\(k)' (allowed: \(stepKinds.joined(separator: ", ")))")
                }
                kind = k
            }
            fields[m.key] = try m.value.json()
        }
        guard let id else { throw r.error("a step needs an id") }
        guard let kind else { throw r.error("step '\(id)' needs a kind") }
        return StepDefinition(id: id, kind: kind, condition: nil, timeout: nil, steps: [], fields: fields)
    }
}
