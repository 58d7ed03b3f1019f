import Foundation

/// The JSON Schema subset gw supports for pipeline `input` and `wait.schema` (DESIGN §2.2):
/// `type` (incl. `integer` and lists of types), `properties`, `required`, `items`, `enum`,
/// `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, `default`, `additionalProperties`
/// (false or a schema), `description`, `title`.
package struct InputSchema: Sendable {
    /// Every keyword of the subset; the loader refuses any other.
    static let keywords = [
        "type", "properties", "required", "items", "enum", "minimum", "maximum", "minLength", "maxLength",
        "pattern", "default", "additionalProperties", "description", "title",
    ]
    /// The names `type` accepts.
    static let types = ["null", "boolean", "object", "array", "number", "integer", "string"]

    /// The schema as written.
    package let schema: JSONValue

    /// Wraps a schema (already checked by the loader; unknown keywords are ignored here).
    package init(_ schema: JSONValue) {
        self.schema = schema
    }

    /// Every violation of the schema by `value`, in a stable order.
    ///
    /// A missing input (`null`) under an object schema is validated as `{}`.
    package func validate(_ value: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        let subject = value.isNull && Self.isObjectSchema(schema) ? JSONValue.object([:]) : value
        Self.check(subject, against: schema, at: "", into: &violations)
        return violations
    }

    /// Whether `schema` describes an object (by `type` or by object keywords).
    static func isObjectSchema(_ schema: JSONValue) -> Bool {
        if let type = schema["type"] {
            let names = type.arrayValue ?? [type]
            return names.contains("object") && !names.contains("null")
        }
        return schema["properties"] != nil || schema["required"] != nil
    }

    /// `pointer` with `key` appended, escaped as RFC 6901 says.
    static func pointer(_ pointer: String, _ key: String) -> String {
        pointer + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// One way a value fails a schema.
package struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// JSON pointer to the value at fault: `""` for the whole value, `/ref`, `/items/0`.
    package var pointer: String
    /// What is wrong (never the value itself).
    package var message: String

    /// Creates a violation.
    package init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `/ref: is required` (or just the message for the whole value).
    package var description: String { pointer.isEmpty ? message : "\(pointer): \(message)" }

    /// As a JSON object for error `details`.
    package var json: JSONValue { ["pointer": .string(pointer), "message": .string(message)] }
}
