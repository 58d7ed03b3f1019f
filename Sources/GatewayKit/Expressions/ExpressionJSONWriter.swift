/// Writes JSON the way GitHub's `toJSON` does: two-space indents, `"key": value`, keys sorted for stable output.
enum ExpressionJSONWriter {
    /// Serialises `value`.
    /// - Parameters:
    ///   - value: The value to write; non-finite numbers are written as `null`.
    ///   - pretty: Multi-line with indentation (as `toJSON`), or compact (as string interpolation).
    static func write(_ value: JSONValue, pretty: Bool) -> String {
        var out = ""
        write(value, pretty: pretty, indent: "", to: &out)
        return out
    }

    private static func write(_ value: JSONValue, pretty: Bool, indent: String, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.isFinite ? JSONValue.expressionText(of: n) : "null"
        case .string(let s): writeString(s, to: &out)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", pretty: pretty, indent: indent, to: &out) {
                write($0, pretty: pretty, indent: $1, to: &$2)
            }
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }
            writeContainer(sorted, open: "{", close: "}", pretty: pretty, indent: indent, to: &out) {
                writeString($0.key, to: &$2)
                $2 += pretty ? ": " : ":"
                write($0.value, pretty: pretty, indent: $1, to: &$2)
            }
        }
    }

    private static func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, pretty: Bool, indent: String, to out: inout String,
        element: (Element, String, inout String) -> Void
    ) {
        guard !elements.isEmpty else {
            out += open + close
            return
        }
        let inner = pretty ? indent + "  " : indent
        out += open
        for (i, item) in elements.enumerated() {
            if i > 0 { out += "," }
            if pretty { out += "\n" + inner }
            element(item, inner, &out)
        }
        if pretty { out += "\n" + indent }
        out += close
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}", "\u{2029}":
                out += "\\u" + String(scalar.value, radix: 16)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
