/// Replaces secret values with `***` in strings and JSON values.
package struct Redactor: Sendable {
    /// The mask written in place of a secret.
    package static let mask = "***"

    /// Non-empty secrets as UTF-8, longest first so that a secret containing another is masked whole.
    private let secrets: [[UInt8]]

    /// True when at least one secret is masked.
    package var masksAnything: Bool { !secrets.isEmpty }

    /// Creates a redactor; empty and duplicate secrets are ignored.
    /// - Parameter secrets: The secret values to hide.
    package init(secrets: [String]) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).map { Array($0.utf8) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// `s` with every occurrence of every secret replaced by `***`, in a single left-to-right pass.
    package func redact(_ s: String) -> String {
        guard !secrets.isEmpty else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            if let secret = secrets.first(where: { matches($0, bytes, at: i) }) {
                out.append(contentsOf: Self.mask.utf8)
                i += secret.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : s
    }

    /// `v` with secrets masked in every string and object key; numbers and booleans are left alone.
    package func redact(_ v: JSONValue) -> JSONValue {
        guard !secrets.isEmpty else { return v }
        switch v {
        case .null, .bool, .number: return v
        case .string(let s): return .string(redact(s))
        case .array(let elements): return .array(elements.map { redact($0) })
        case .object(let members):
            return .object(
                Dictionary(members.map { (redact($0.key), redact($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    private func matches(_ secret: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        guard secret[0] == bytes[i], i + secret.count <= bytes.count else { return false }
        return bytes[i..<(i + secret.count)].elementsEqual(secret)
    }
}
