/// Filling in `default`s.
extension InputSchema {
    /// `value` with the schema's defaults filled in where a value is missing.
    ///
    /// Defaults of object properties are added when the property is absent, recursively into present
    /// objects and array items. A missing input (`null`) takes the schema's own `default`, or becomes `{}`
    /// (plus property defaults) under an object schema.
    package func applyingDefaults(to value: JSONValue) -> JSONValue {
        if value.isNull {
            if let fallback = schema["default"] { return Self.fill(fallback, schema) }
            if Self.isObjectSchema(schema) { return Self.fill(.object([:]), schema) }
        }
        return Self.fill(value, schema)
    }

    private static func fill(_ value: JSONValue, _ schema: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            let properties = schema["properties"]?.objectValue ?? [:]
            for (name, propertySchema) in properties {
                if let present = members[name] {
                    members[name] = fill(present, propertySchema)
                } else if let fallback = propertySchema["default"] {
                    members[name] = fallback
                }
            }
            return .object(members)
        case .array(let items):
            guard let itemSchema = schema["items"] else { return value }
            return .array(items.map { fill($0, itemSchema) })
        default:
            return value
        }
    }
}
