import Foundation

/// Durations as gw writes them: `500ms`, `30s`, `5m`, `2h`, `1d` and sums like `1h30m`.
public enum DurationParser {
    /// Parses a duration into seconds.
    /// - Throws: `GatewayError` (`invalid_input`) naming the text and the expected form.
    public static func seconds(_ text: String) throws -> Double {
        if let value = parse(text) { return value }
        throw GatewayError(.invalidInput, "invalid duration \"\(text)\": expected a number with a unit (ms, s, m, h, d), "
                           + "e.g. 500ms, 30s, 1h30m, at most 36500d")
    }

    /// The longest duration accepted (100 years): anything longer is a typo, and would overflow the clock's and
    /// the timestamps' integer milliseconds downstream (a trap, and after a restart a crash loop).
    public static let longest: Double = 36_500 * 86_400

    /// Parses a duration into seconds, or nil when it is malformed or longer than `longest`.
    public static func parse(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let digits = rest.prefix(while: { $0.isNumber || $0 == "." })
            guard !digits.isEmpty, let number = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else {
                return nil
            }
            rest = rest.dropFirst(unit.0.count)
            total += number * unit.1
        }
        return total.isFinite && total <= longest ? total : nil
    }

    /// Formats seconds compactly (`1h30m`, `250ms`).
    public static func format(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        var rest = Int(seconds.rounded())
        var out = ""
        for (unit, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out.isEmpty ? "0s" : out
    }
}
