/// A fast compact JSON writer for `JSONValue` (sorted keys, `/` not escaped). Foundation's `JSONEncoder`
/// costs tens of microseconds per small object on Linux, and every run writes dozens of them.
extension JSONValue {
    /// Compact JSON text with sorted keys.
    func writeCompact(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): Self.writeNumber(n, into: &out)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                members[key]!.writeCompact(into: &out)
            }
            out += "}"
        }
    }

    static func writeNumber(_ n: Double, into out: inout String) {
        guard n.isFinite else { return out += "null" }
        if n.rounded() == n && abs(n) < 9.0e15 {
            out += String(Int64(n))
        } else {
            out += "\(n)"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C {
            plain = false
            break
        }
        if plain {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
