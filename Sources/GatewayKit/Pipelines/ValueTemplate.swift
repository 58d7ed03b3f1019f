/// A JSON value whose strings may hold `${{ }}` expressions, evaluated recursively.
/// A string that is exactly one expression keeps the expression's JSON type.
package indirect enum ValueTemplate: Sendable {
    case literal(JSONValue)
    case string(Template)
    case array([ValueTemplate])
    case object([String: ValueTemplate])

    /// Parses every string of `json` as a template.
    /// - Throws: `ExpressionError` of the first bad expression.
    package static func parse(_ json: JSONValue) throws(ExpressionError) -> ValueTemplate {
        switch json {
        case .string(let s):
            let template = try Template.parse(s)
            return template.isLiteral ? .literal(json) : .string(template)
        case .array(let items):
            var out: [ValueTemplate] = []
            for item in items { out.append(try parse(item)) }
            return .array(out)
        case .object(let members):
            var out: [String: ValueTemplate] = [:]
            for (k, v) in members { out[k] = try parse(v) }
            return .object(out)
        default:
            return .literal(json)
        }
    }

    /// The value with every expression evaluated in `context`.
    /// - Throws: `ExpressionError` of kind `.evaluation`.
    package func evaluate(_ context: ExpressionContext) throws(ExpressionError) -> JSONValue {
        switch self {
        case .literal(let v): return v
        case .string(let t): return try t.evaluate(context)
        case .array(let items):
            var out: [JSONValue] = []
            for item in items { out.append(try item.evaluate(context)) }
            return .array(out)
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for (k, v) in members { out[k] = try v.evaluate(context) }
            return .object(out)
        }
    }

    /// Every reference path of every expression inside.
    package var references: [[String]] {
        switch self {
        case .literal: return []
        case .string(let t): return t.references
        case .array(let items): return items.flatMap(\.references)
        case .object(let members): return members.values.flatMap(\.references)
        }
    }
}
