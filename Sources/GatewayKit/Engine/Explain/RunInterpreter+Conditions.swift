import Foundation

extension RunInterpreter {
    /// A step's `if` as recorded in its `step.started` / `step.skipped` event, so `explain` reads it instead of evaluating
    /// it again: `{expression, value, operands: {"input.quick": true, …}}` (each path the expression reads, with its value).
    func conditionRecord(_ condition: Template, value: JSONValue, scope: StepScope) -> JSONValue {
        let variables = context(scope).variables
        var operands: [String: JSONValue] = [:]
        for path in condition.references {
            guard let root = path.first else { continue }
            let name = path.joined(separator: ".")
            guard root != "secrets" else {
                operands[name] = "***"
                continue
            }
            var current = variables[root] ?? .null
            for part in path.dropFirst() { current = current[part] ?? .null }
            operands[name] = Self.bounded(current)
        }
        return ["expression": .string(condition.text), "value": Self.bounded(value), "operands": .object(operands)]
    }

    /// A value as recorded for a person: large values (a whole step output) are cut to their first 500 characters of JSON.
    static func bounded(_ value: JSONValue) -> JSONValue {
        let text = value.jsonString
        guard text.count > 500 else { return value }
        return .string(String(text.prefix(500)) + "…")
    }
}
