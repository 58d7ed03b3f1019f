import Foundation
import GatewayKit
import Yams

/// The one output layer: JSON and YAML print the API's objects; tables are for humans.
struct Printer: Sendable {
    /// A table column: its header and where its value is in each row's JSON.
    struct Column: Sendable {
        let header: String
        let path: [String]
        let format: (@Sendable (JSONValue) -> String)?
        init(_ header: String, _ path: String..., format: (@Sendable (JSONValue) -> String)? = nil) {
            self.header = header
            self.path = path
            self.format = format
        }
    }

    let format: OutputFormat
    let color: Bool
    let isTTY: Bool

    /// Prints a list: the whole `document` for json/yaml (what the API answered), `rows` as a table.
    func list(_ document: some Encodable, rows: [JSONValue]? = nil, columns: [Column]) {
        let json = Self.json(document)
        switch format {
        case .json, .yaml: structured(json)
        case .table:
            let items = rows ?? json.arrayValue ?? []
            let cells = items.map { row in columns.map { c in Self.cell(Self.lookup(row, c.path), c.format) } }
            StandardStreams.write(Table(headers: columns.map(\.header), rows: cells, headers: isTTY, bold: color).render(), terminator: "")
        }
    }

    /// Prints one object: json/yaml as the API answered, else `Key  value` lines for `fields`.
    func show(_ value: some Encodable, fields: [Column]) {
        let json = Self.json(value)
        switch format {
        case .json, .yaml: structured(json)
        case .table:
            let rows = fields.map { [$0.header, Self.cell(Self.lookup(json, $0.path), $0.format)] }
            StandardStreams.write(Table(headers: [], rows: rows, headers: false, bold: false, separator: isTTY ? "  " : "\t").render(),
                                  terminator: "")
        }
    }

    /// Prints a JSON value in the chosen structured format (json also for `table`).
    func structured(_ json: JSONValue) {
        if format == .yaml {
            StandardStreams.write((try? Yams.dump(object: json.foundationObject, sortKeys: true)) ?? json.jsonString, terminator: "")
        } else {
            StandardStreams.write(String(decoding: json.jsonData(pretty: true), as: UTF8.self))
        }
    }

    /// Prints a line of text to stdout (only in table mode; json/yaml callers print structured data).
    func line(_ text: String) { StandardStreams.write(text) }

    /// Prints a hint or progress line to stderr.
    func note(_ text: String) { StandardStreams.writeError(text) }

    // MARK: - Helpers

    static func json(_ value: some Encodable) -> JSONValue {
        if let v = value as? JSONValue { return v }
        guard let data = try? JSONEncoder().encode(value), let json = try? JSONValue.parse(data) else { return .null }
        return json
    }

    static func lookup(_ json: JSONValue, _ path: [String]) -> JSONValue {
        var current = json
        for key in path { current = current[key] ?? .null }
        return current
    }

    static func cell(_ value: JSONValue, _ format: (@Sendable (JSONValue) -> String)?) -> String {
        if let format { return format(value) }
        switch value {
        case .null: return "-"
        case .string(let s): return s
        case .bool(let b): return b ? "yes" : "no"
        case .number: return value.jsonString
        case .array(let items): return items.isEmpty ? "-" : items.map { cell($0, nil) }.joined(separator: ",")
        case .object: return value.jsonString
        }
    }
}

extension JSONValue {
    /// This value as Foundation objects (for YAML output).
    var foundationObject: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let n): return n.rounded() == n && abs(n) < 9e15 ? Int(n) as Any : n as Any
        case .string(let s): return s
        case .array(let a): return a.map(\.foundationObject)
        case .object(let o): return o.mapValues(\.foundationObject)
        }
    }
}
