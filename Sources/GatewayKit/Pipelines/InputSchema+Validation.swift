import Foundation

/// Checking a value against each keyword of the subset.
extension InputSchema {
    /// Appends every violation of `schema` by `value` (at `pointer`) to `out`.
    static func check(_ value: JSONValue, against schema: JSONValue, at pointer: String,
                      into out: inout [SchemaViolation]) {
        guard case .object = schema else { return }
        if let type = schema["type"], let message = typeProblem(value, type) {
            out.append(SchemaViolation(pointer: pointer, message: message))
            return
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            let list = options.map(\.jsonString).joined(separator: ", ")
            out.append(SchemaViolation(pointer: pointer, message: "must be one of \(list)"))
        }
        switch value {
        case .number(let n): checkNumber(n, schema, pointer, &out)
        case .string(let s): checkString(s, schema, pointer, &out)
        case .array(let items): checkArray(items, schema, pointer, &out)
        case .object(let members): checkObject(members, schema, pointer, &out)
        default: break
        }
    }

    /// The JSON type name of `value` (`integer` for whole numbers is not distinguished here).
    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func typeProblem(_ value: JSONValue, _ type: JSONValue) -> String? {
        let names = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
        let matches = names.contains { name in
            switch (name, value) {
            case ("integer", .number(let n)): n.isFinite && n.rounded() == n
            default: name == typeName(value)
            }
        }
        guard !matches, !names.isEmpty else { return nil }
        let expected = names.count == 1
            ? "a value of type \(names[0])" : "one of the types \(names.joined(separator: ", "))"
        return "must be \(expected) (found \(typeName(value)))"
    }

    private static func checkNumber(_ n: Double, _ schema: JSONValue, _ pointer: String, _ out: inout [SchemaViolation]) {
        if let minimum = schema["minimum"]?.numberValue, n < minimum {
            out.append(SchemaViolation(pointer: pointer, message: "must be at least \(format(minimum))"))
        }
        if let maximum = schema["maximum"]?.numberValue, n > maximum {
            out.append(SchemaViolation(pointer: pointer, message: "must be at most \(format(maximum))"))
        }
    }

    private static func checkString(_ s: String, _ schema: JSONValue, _ pointer: String, _ out: inout [SchemaViolation]) {
        let length = s.unicodeScalars.count
        if let minimum = schema["minLength"]?.numberValue, Double(length) < minimum {
            out.append(SchemaViolation(pointer: pointer, message: "must be at least \(format(minimum)) characters long"))
        }
        if let maximum = schema["maxLength"]?.numberValue, Double(length) > maximum {
            out.append(SchemaViolation(pointer: pointer, message: "must be at most \(format(maximum)) characters long"))
        }
        if let pattern = schema["pattern"]?.stringValue, let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil
        {
            out.append(SchemaViolation(pointer: pointer, message: "must match the pattern \(pattern)"))
        }
    }

    private static func checkArray(_ items: [JSONValue], _ schema: JSONValue, _ pointer: String,
                                   _ out: inout [SchemaViolation]) {
        guard let itemSchema = schema["items"] else { return }
        for (index, item) in items.enumerated() {
            check(item, against: itemSchema, at: "\(pointer)/\(index)", into: &out)
        }
    }

    private static func checkObject(_ members: [String: JSONValue], _ schema: JSONValue, _ pointer: String,
                                    _ out: inout [SchemaViolation]) {
        let properties = schema["properties"]?.objectValue ?? [:]
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            out.append(SchemaViolation(pointer: Self.pointer(pointer, name), message: "is required"))
        }
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            let at = Self.pointer(pointer, name)
            if let propertySchema = properties[name] {
                check(value, against: propertySchema, at: at, into: &out)
            } else if schema["additionalProperties"] == .bool(false) {
                let allowed = properties.keys.sorted().joined(separator: ", ")
                out.append(SchemaViolation(pointer: at, message: "is not an allowed property (allowed: \(allowed))"))
            } else if let extra = schema["additionalProperties"], case .object = extra {
                check(value, against: extra, at: at, into: &out)
            }
        }
    }

    /// A number without a needless `.0`.
    static func format(_ n: Double) -> String {
        n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }
}
