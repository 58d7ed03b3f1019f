import Foundation
import OpenAPIRuntime

/// Direct conversions between the free-form OpenAI bodies of the spec and `JSONValue`, without a JSON
/// encode/decode round trip on every call.
extension Components.Schemas.OpenAIObject {
    /// The object holding `json`'s members.
    /// - Throws: when a member is not representable (never for values built from `JSONValue`).
    init(json: JSONValue) throws {
        let members = (json.objectValue ?? [:]).mapValues(\.openAPIValue)
        self.init(additionalProperties: try OpenAPIObjectContainer(unvalidatedValue: members))
    }

    /// This object as a `JSONValue`.
    var json: JSONValue { .object(additionalProperties.value.mapValues(JSONValue.init(openAPIValue:))) }
}

extension JSONValue {
    /// A value as OpenAPIRuntime's containers hold it (`Bool`, `Int`, `Double`, `String`, arrays, dictionaries).
    init(openAPIValue value: (any Sendable)?) {
        switch value {
        case nil: self = .null
        case let b as Bool: self = .bool(b)
        case let i as Int: self = .number(Double(i))
        case let d as Double: self = .number(d)
        case let s as String: self = .string(s)
        case let a as [(any Sendable)?]: self = .array(a.map(JSONValue.init(openAPIValue:)))
        case let o as [String: (any Sendable)?]: self = .object(o.mapValues(JSONValue.init(openAPIValue:)))
        default: self = .null
        }
    }

    /// This value as OpenAPIRuntime's containers hold it (whole numbers as `Int`).
    var openAPIValue: (any Sendable)? {
        switch self {
        case .null: return nil
        case .bool(let b): return b
        case .number(let n): return n.rounded() == n && abs(n) < 9.0e15 ? Int(n) : n
        case .string(let s): return s
        case .array(let a): return a.map(\.openAPIValue)
        case .object(let o): return o.mapValues(\.openAPIValue)
        }
    }
}
