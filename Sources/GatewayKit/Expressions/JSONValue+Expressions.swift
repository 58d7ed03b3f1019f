import Foundation

// MARK: - Coercions

extension JSONValue {
    /// Whether GitHub expressions treat the value as true: `false`, `0`, `-0`, `NaN`, `""` and `null` are false.
    package var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): n != 0 && !n.isNaN
        case .string(let s): !s.isEmpty
        case .array, .object: true
        }
    }

    /// The number the value coerces to: `null` is 0, booleans 0/1, strings are parsed (blank is 0, junk is NaN),
    /// arrays and objects are NaN.
    package var expressionNumber: Double {
        switch self {
        case .null: 0
        case .bool(let b): b ? 1 : 0
        case .number(let n): n
        case .string(let s): NumberSyntax.coerce(s)
        case .array, .object: .nan
        }
    }

    /// The text the value becomes inside a string: `null` is empty, integers have no `.0`,
    /// arrays and objects are compact JSON.
    package var expressionText: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .number(let n): Self.expressionText(of: n)
        case .string(let s): s
        case .array, .object: ExpressionJSONWriter.write(self, pretty: false)
        }
    }

    /// Formats a number like GitHub (.NET `G15`): `3`, `0.5`, `1E+20`, `NaN`, `Infinity`.
    static func expressionText(of n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n > 0 ? "Infinity" : "-Infinity" }
        if n.rounded() == n, abs(n) < 1e15 { return String(Int64(n)) }
        return String(format: "%.15G", n)
    }
}

// MARK: - Types

extension JSONValue {
    /// Not an array or an object.
    var isPrimitive: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// `null`, `boolean`, `number`, `string`, `array` or `object`, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

// MARK: - Comparison

extension JSONValue {
    /// GitHub's `==`: strings compare case-insensitively; different primitive types compare as numbers;
    /// arrays and objects only equal an identical array or object; NaN equals nothing.
    package func looselyEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.string(let a), .string(let b)): Self.caseInsensitiveOrder(a, b) == .orderedSame
        case (.array, .array), (.object, .object): self == other
        case (.array, _), (.object, _), (_, .array), (_, .object): false
        default: expressionNumber == other.expressionNumber
        }
    }

    /// GitHub's ordering for `<`, `<=`, `>`, `>=`: two strings compare case-insensitively, anything else as numbers.
    /// - Returns: `nil` when the values are unordered (a NaN is involved).
    func looseOrder(_ other: JSONValue) -> ComparisonResult? {
        if case .string(let a) = self, case .string(let b) = other {
            return Self.caseInsensitiveOrder(a, b)
        }
        let a = expressionNumber
        let b = other.expressionNumber
        if a.isNaN || b.isNaN { return nil }
        return a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
    }

    /// Ordinal comparison of the upper-cased UTF-16 code units, like .NET's `OrdinalIgnoreCase`.
    static func caseInsensitiveOrder(_ a: String, _ b: String) -> ComparisonResult {
        let a = a.uppercased().utf16
        let b = b.uppercased().utf16
        if a.elementsEqual(b) { return .orderedSame }
        return a.lexicographicallyPrecedes(b) ? .orderedAscending : .orderedDescending
    }

    /// Whether `needle` occurs in `haystack`, ignoring case; an empty needle always occurs.
    static func caseInsensitiveContains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.uppercased().utf16)
        let n = Array(needle.uppercased().utf16)
        guard n.count <= h.count else { return false }
        return (0...(h.count - n.count)).contains { h[$0..<($0 + n.count)].elementsEqual(n) }
    }
}

// MARK: - Property access

extension JSONValue {
    /// `value.name`: the member of an object, else `null` (missing members and scalars included).
    func expressionMember(_ name: String) -> JSONValue {
        if case .object(let members) = self { return members[name] ?? .null }
        return .null
    }

    /// `value[index]`: arrays take a number (floored, in range), objects a key (primitives become text);
    /// anything else is `null`.
    func expressionElement(_ index: JSONValue) -> JSONValue {
        switch (self, index) {
        case (.array(let elements), _):
            let n = index.expressionNumber
            guard !n.isNaN, n >= 0, n < Double(elements.count) else { return .null }
            return elements[Int(n.rounded(.down))]
        case (.object, .array), (.object, .object):
            return .null
        case (.object(let members), _):
            return members[index.expressionText] ?? .null
        default:
            return .null
        }
    }
}
