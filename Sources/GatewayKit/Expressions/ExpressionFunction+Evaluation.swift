import Foundation

extension ExpressionFunction {
    /// Calls the function on already evaluated arguments (the parser checked their count).
    /// - Throws: `ExpressionError` whose message says which argument has the wrong type or content;
    ///   the evaluator fills in the offset and expression text.
    func apply(_ args: [JSONValue]) throws(ExpressionError) -> JSONValue {
        switch self {
        case .contains: return .bool(Self.contains(args[0], args[1]))
        case .startsWith, .endsWith:
            guard args[0].isPrimitive, args[1].isPrimitive else { return .bool(false) }
            let text = args[0].expressionText.uppercased().utf16
            let affix = args[1].expressionText.uppercased().utf16
            let end = self == .startsWith ? text.prefix(affix.count) : text.suffix(affix.count)
            return .bool(end.elementsEqual(affix))
        case .format: return .string(try Self.format(args))
        case .join: return .string(try Self.join(args))
        case .toJSON: return .string(ExpressionJSONWriter.write(args[0], pretty: true))
        case .fromJSON:
            guard case .string(let text) = args[0] else { throw Self.typeError("a string", args[0]) }
            guard let value = try? JSONValue.parse(Data(text.utf8)) else {
                throw Self.failure("the argument is not valid JSON")
            }
            return value
        case .length:
            switch args[0] {
            case .string(let s): return .number(Double(s.count))
            case .array(let a): return .number(Double(a.count))
            case .object(let o): return .number(Double(o.count))
            default: throw Self.typeError("a string, array or object", args[0])
            }
        case .keys:
            guard case .object(let members) = args[0] else { throw Self.typeError("an object", args[0]) }
            return .array(members.keys.sorted().map(JSONValue.string))
        case .default:
            return args[0] == .null || args[0] == .string("") ? args[1] : args[0]
        }
    }

    // MARK: - Implementations

    private static func contains(_ search: JSONValue, _ item: JSONValue) -> Bool {
        switch search {
        case .array(let elements): elements.contains { $0.looselyEquals(item) }
        case .object: false
        default: item.isPrimitive && JSONValue.caseInsensitiveContains(search.expressionText, item.expressionText)
        }
    }

    private static func join(_ args: [JSONValue]) throws(ExpressionError) -> String {
        let separator = args.count > 1 ? args[1].expressionText : ","
        switch args[0] {
        case .array(let elements): return elements.map(\.expressionText).joined(separator: separator)
        case .string(let s): return s
        default: throw typeError("an array or a string", args[0])
        }
    }

    /// `format('{0} and {1}', a, b)`; `{{` and `}}` stand for literal braces.
    private static func format(_ args: [JSONValue]) throws(ExpressionError) -> String {
        guard case .string(let pattern) = args[0] else { throw typeError("a string", args[0]) }
        let chars = Array(pattern)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if (c == "{" || c == "}"), i + 1 < chars.count, chars[i + 1] == c {
                out.append(c)
                i += 2
            } else if c == "{" {
                let digits = chars[(i + 1)...].prefix { $0.isASCII && $0.isNumber }
                let close = i + 1 + digits.count
                guard close < chars.count, chars[close] == "}", let n = Int(String(digits)) else {
                    throw failure("the format string has a '{' at position \(i) that does not start '{N}'")
                }
                let given = args.count - 1
                guard n < given else {
                    throw failure("the format string uses {\(n)} but got \(given) value\(given == 1 ? "" : "s")")
                }
                out += args[n + 1].expressionText
                i = close + 1
            } else if c == "}" {
                throw failure("the format string has an unmatched '}' at position \(i)")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    // MARK: - Errors

    private static func typeError(_ expected: String, _ found: JSONValue) -> ExpressionError {
        failure("expected \(expected) but found \(found.typeName)")
    }

    private static func failure(_ message: String) -> ExpressionError {
        ExpressionError(.evaluation, message, offset: 0, expression: "")
    }
}
