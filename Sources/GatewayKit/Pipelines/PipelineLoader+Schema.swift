import Foundation

/// Checking `input:` and `wait.schema` against the JSON Schema subset `InputSchema` supports.
extension PipelineLoader {
    /// The schema as JSON after checking its keywords; nil when it has errors (which are recorded).
    func schema(_ r: YAMLReader, what: String) -> JSONValue? {
        let errorCount = errors.count
        checkSchema(r, what: what)
        guard errors.count == errorCount else { return nil }
        return attempt { try r.json() }
    }

    private func checkSchema(_ r: YAMLReader, what: String) {
        guard let members = attempt({ try r.mapping(what: "the schema \(what)") }) else { return }
        checkKeys(members, allowed: InputSchema.keywords, what: "the schema \(what)")
        for member in members {
            let path = "\(what).\(member.key)"
            let value = member.value
            switch member.key {
            case "type": _ = attempt { try schemaTypes(value, what: path) }
            case "properties":
                for property in attempt({ try value.mapping(what: path) }) ?? [] {
                    checkSchema(property.value, what: "\(path).\(property.key)")
                }
            case "items": checkSchema(value, what: path)
            case "additionalProperties":
                if case .mapping = value.node {
                    checkSchema(value, what: path)
                } else {
                    _ = attempt { try value.bool(what: path) }
                }
            case "required": _ = attempt { try value.strings(what: path) }
            case "enum": _ = attempt { try value.sequence(what: path) }
            case "minimum", "maximum": _ = attempt { try number(value, what: path) }
            case "minLength", "maxLength": _ = attempt { try integer(value, what: path, minimum: 0) }
            case "pattern": _ = attempt { try regex(value, what: path) }
            case "description", "title": _ = attempt { try value.string(what: path) }
            default: break
            }
        }
        checkDefault(members, what: what)
    }

    private func schemaTypes(_ r: YAMLReader, what: String) throws {
        let items = if case .sequence = r.node { try r.sequence(what: what) } else { [r] }
        for item in items {
            let name = try item.string(what: what)
            guard InputSchema.types.contains(name) else {
                let allowed = InputSchema.types.joined(separator: ", ")
                throw item.error("\(what): unknown type '\(name)' (allowed: \(allowed))")
            }
        }
    }

    private func regex(_ r: YAMLReader, what: String) throws {
        let pattern = try r.string(what: what)
        do { _ = try NSRegularExpression(pattern: pattern) } catch {
            throw r.error("\(what): invalid regular expression '\(pattern)'")
        }
    }

    /// A `default` must satisfy the schema it belongs to.
    private func checkDefault(_ members: [YAMLMember], what: String) {
        guard let member = members.first(where: { $0.key == "default" }), let value = try? member.value.json() else {
            return
        }
        var object: [String: JSONValue] = [:]
        for other in members where other.key != "default" {
            guard let json = try? other.value.json() else { return }
            object[other.key] = json
        }
        for violation in InputSchema(.object(object)).validate(value) {
            errors.append(member.value.error("\(what).default does not match its schema: \(violation)"))
        }
    }
}
