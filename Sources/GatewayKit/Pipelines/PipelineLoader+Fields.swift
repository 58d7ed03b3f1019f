import Foundation

/// One member of a YAML mapping as `YAMLReader.mapping` gives it.
typealias YAMLMember = (key: String, keyReader: YAMLReader, value: YAMLReader)

// MARK: - Collecting errors

extension PipelineLoader {
    /// Runs `body`, recording a thrown `LoadError` and returning nil instead.
    func attempt<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as LoadError {
            errors.append(error)
        } catch let error as LoadErrors {
            errors += error.errors
        } catch {
            errors.append(LoadError(file: file, line: 0, column: 0, message: "\(error)"))
        }
        return nil
    }

    /// Records an error for every key of `members` outside `allowed`, at the key's position.
    func checkKeys(_ members: [YAMLMember], allowed: [String], what: String) {
        for member in members where !allowed.contains(member.key) {
            errors.append(member.keyReader.error(
                "unknown key '\(member.key)' in \(what) (allowed: \(allowed.joined(separator: ", ")))"))
        }
    }

    /// Where `r` is written.
    func position(of r: YAMLReader) -> SourcePosition {
        SourcePosition(line: r.node.mark?.line ?? 0, column: r.node.mark?.column ?? 0)
    }

    // MARK: - Scalars

    /// A duration greater than zero, in seconds.
    func positiveDuration(_ r: YAMLReader, what: String) throws -> Double {
        let seconds = try r.duration(what: what)
        guard seconds > 0 else { throw r.error("\(what) must be longer than 0s") }
        return seconds
    }

    /// An integer of at least `minimum`.
    func integer(_ r: YAMLReader, what: String, minimum: Int) throws -> Int {
        let value = try r.int(what: what)
        guard value >= minimum else { throw r.error("\(what) must be at least \(minimum), found \(value)") }
        return value
    }

    /// A number (integer or not).
    func number(_ r: YAMLReader, what: String) throws -> Double {
        guard case .number(let value) = try r.json() else { throw r.error("\(what) must be a number") }
        return value
    }

    /// One of `choices`, by name.
    func choice(_ r: YAMLReader, _ choices: [String], what: String) throws -> String {
        let value = try r.string(what: what)
        guard choices.contains(value) else {
            throw r.error("\(what) must be one of \(choices.joined(separator: ", ")), found '\(value)'")
        }
        return value
    }

    /// One of `choices`, as the enum case of the same name.
    func option<E: RawRepresentable>(_ r: YAMLReader, _ choices: [String], what: String) throws -> E
    where E.RawValue == String {
        let value = try choice(r, choices, what: what)
        guard let option = E(rawValue: value) else { throw r.error("\(what): '\(value)' is not supported") }
        return option
    }
}

// MARK: - Step fields

/// The members of one step mapping, by key, with what the step is called in messages.
struct StepFields {
    /// The step mapping.
    var reader: YAMLReader
    /// `exec step 'build'`.
    var name: String
    /// The members by key.
    var members: [String: YAMLReader]

    /// The value under `key`, if written.
    subscript(key: String) -> YAMLReader? { members[key] }
}

extension PipelineLoader {
    /// Reads the field `key` when it is written; errors are recorded.
    func optional<T>(_ fields: StepFields, _ key: String, _ read: (YAMLReader) throws -> T) -> T? {
        guard let r = fields[key] else { return nil }
        return attempt { try read(r) }
    }

    /// Reads the field `key`, recording an error at the step when it is missing.
    func required<T>(_ fields: StepFields, _ key: String, _ read: (YAMLReader) throws -> T) -> T? {
        guard let r = fields[key] else {
            errors.append(fields.reader.error("\(fields.name) needs \(key)"))
            return nil
        }
        return attempt { try read(r) }
    }

    /// A mapping of string keys to templates (`env`, `headers`, `query`).
    func templateMap(_ r: YAMLReader, what: String) throws -> [String: Template] {
        var out: [String: Template] = [:]
        for member in try r.mapping(what: what) {
            out[member.key] = try template(member.value, what: "\(what).\(member.key)")
        }
        return out
    }
}
