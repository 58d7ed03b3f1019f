import Foundation
package import Yams

/// A position-aware view of one YAML node, for strict loaders that report `file:line:col`.
package struct YAMLReader {
    /// The node being read.
    package let node: Node
    /// The file it came from.
    package let file: String

    package init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    /// Parses a whole document; an empty document is an empty mapping.
    /// - Throws: `LoadError` with the parser's position.
    package static func document(_ text: String, file: String) throws -> YAMLReader {
        do {
            let node = try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
            return YAMLReader(node: node, file: file)
        } catch let error as YamlError {
            throw Self.loadError(error, file: file)
        }
    }

    /// The error at this node's position.
    package func error(_ message: String) -> LoadError {
        LoadError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
    }

    // MARK: - Shapes

    /// The members of a mapping, refusing keys outside `allowed`.
    ///
    /// YAML merge keys are applied: `<<: *defaults` (or `<<: [*a, *b]`) adds the members of the aliased
    /// mappings that the mapping does not set itself (the first merged mapping wins among them); merged
    /// members keep the position where the anchor wrote them.
    /// - Throws: `LoadError` naming the unknown key (and the allowed ones) at the key's position.
    package func mapping(allowed: [String]? = nil, what: String) throws -> [(key: String, keyReader: YAMLReader, value: YAMLReader)] {
        guard case .mapping(let map) = node else { throw error("\(what) must be a mapping, found \(kindName)") }
        var out: [(key: String, keyReader: YAMLReader, value: YAMLReader)] = []
        var merged: [(key: String, keyReader: YAMLReader, value: YAMLReader)] = []
        for (k, v) in map {
            let keyReader = YAMLReader(node: k, file: file)
            guard let key = k.scalar?.string else { throw keyReader.error("keys of \(what) must be strings") }
            if key == "<<", k.scalar?.style == .plain {
                merged += try YAMLReader(node: v, file: file).mergeSources(what: what).flatMap { try $0.mapping(allowed: allowed, what: what) }
                continue
            }
            if let allowed, !allowed.contains(key) {
                throw keyReader.error("unknown key '\(key)' in \(what) (allowed: \(allowed.joined(separator: ", ")))")
            }
            out.append((key, keyReader, YAMLReader(node: v, file: file)))
        }
        var seen = Set(out.map(\.key))
        for member in merged where seen.insert(member.key).inserted { out.append(member) }
        return out
    }

    /// The mappings a merge key (`<<`) names: one mapping, or a list of them.
    private func mergeSources(what: String) throws -> [YAMLReader] {
        switch node {
        case .mapping: return [self]
        case .sequence(let seq):
            let readers = seq.map { YAMLReader(node: $0, file: file) }
            for r in readers where r.node.mapping == nil { throw r.error("<< in \(what) must merge mappings, found \(r.kindName)") }
            return readers
        default: throw error("<< in \(what) must merge a mapping (<<: *anchor), found \(kindName)")
        }
    }

    /// The elements of a sequence.
    package func sequence(what: String) throws -> [YAMLReader] {
        guard case .sequence(let seq) = node else { throw error("\(what) must be a list, found \(kindName)") }
        return seq.map { YAMLReader(node: $0, file: file) }
    }

    /// A string scalar (numbers and booleans are taken as their text).
    package func string(what: String) throws -> String {
        guard case .scalar(let s) = node, node.null == nil || s.style != .plain else {
            throw error("\(what) must be a string, found \(kindName)")
        }
        return s.string
    }

    /// A boolean scalar.
    package func bool(what: String) throws -> Bool {
        guard let b = node.bool else { throw error("\(what) must be true or false, found \(describe)") }
        return b
    }

    /// An integer scalar.
    package func int(what: String) throws -> Int {
        guard let i = node.int else { throw error("\(what) must be an integer, found \(describe)") }
        return i
    }

    /// A duration (`30s`, `1h30m`) in seconds.
    package func duration(what: String) throws -> Double {
        let text = try string(what: what)
        guard let seconds = DurationParser.parse(text) else {
            throw error("\(what): invalid duration \"\(text)\" (expected e.g. 500ms, 30s, 5m, 2h, 1d, 1h30m)")
        }
        return seconds
    }

    /// A list of strings.
    package func strings(what: String) throws -> [String] {
        try sequence(what: what).map { try $0.string(what: "each entry of \(what)") }
    }

    /// The node as JSON (YAML core schema types for plain scalars).
    package func json() throws -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.style != .plain { return .string(s.string) }
            if node.null != nil { return .null }
            if let b = node.bool { return .bool(b) }
            if let i = node.int { return .number(Double(i)) }
            if let d = node.float { return .number(d) }
            return .string(s.string)
        case .sequence(let seq):
            return .array(try seq.map { try YAMLReader(node: $0, file: file).json() })
        case .mapping:
            var out: [String: JSONValue] = [:]
            for m in try mapping(what: "a mapping") { out[m.key] = try m.value.json() }
            return .object(out)
        case .alias:
            throw error("YAML aliases are not supported")
        }
    }

    // MARK: - Descriptions

    private var kindName: String {
        switch node {
        case .scalar: return node.null != nil ? "null" : "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    private var describe: String {
        if case .scalar(let s) = node { return "\"\(s.string)\"" }
        return kindName
    }

    private static func loadError(_ error: YamlError, file: String) -> LoadError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { $0.text + " " } ?? ""
            return LoadError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LoadError(file: file, line: context.mark.line, column: context.mark.column,
                             message: "duplicate key(s) \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in mapping")
        default:
            return LoadError(file: file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
    }
}
