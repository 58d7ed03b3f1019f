public import Foundation

/// `GET /runs/:runId/explain`: why a run is where it is, as a sentence and as facts (DESIGN §12).
public struct RunExplanation: Sendable {
    /// One recorded fact (`kind` as documented in `openapi.yaml` `ExplainFact`).
    public struct Fact: Sendable, Hashable {
        public var kind: String
        public var stepId: String?
        public var at: Date?
        public var text: String
        public var data: JSONValue

        public init(kind: String, stepId: String? = nil, at: Date? = nil, text: String, data: JSONValue = [:]) {
            self.kind = kind
            self.stepId = stepId
            self.at = at
            self.text = text
            self.data = data
        }
    }

    public var runId: String
    public var status: RunStatus
    public var summary: String
    public var facts: [Fact]
}

/// Words for times, durations and lists in explanations.
enum ExplainWords {
    /// `14:02 UTC` on the day of `now`, else `2026-12-03 14:02 UTC`.
    static func time(_ date: Date, now: Date) -> String {
        let full = Timestamp.format(date)
        let day = String(full.prefix(10))
        let clock = String(full.dropFirst(11).prefix(5))
        return day == String(Timestamp.format(now).prefix(10)) ? "\(clock) UTC" : "\(day) \(clock) UTC"
    }

    /// `500ms`, `2s`, `1m30s`, `2h5m`.
    static func duration(ms: Double) -> String {
        if ms < 1000 { return "\(Int(ms.rounded()))ms" }
        var seconds = Int((ms / 1000).rounded())
        if seconds < 60 { return "\(seconds)s" }
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        seconds %= 60
        if hours > 0 { return "\(hours)h" + (minutes > 0 ? "\(minutes)m" : "") }
        return "\(minutes)m" + (seconds > 0 ? "\(seconds)s" : "")
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// `steps a and b` / `step a`.
    static func steps(_ ids: [String]) -> String { (ids.count == 1 ? "step " : "steps ") + list(ids) }

    /// An operand value as shown in a sentence: strings quoted, everything else as JSON.
    static func value(_ v: JSONValue) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return v.jsonString
    }

    /// `` `${{ x }}` was false (input.quick = true) ``.
    static func condition(_ record: JSONValue) -> String {
        let expression = record["expression"]?.stringValue ?? "?"
        let value = record["value"].map { $0.isTruthy ? "true" : "false" } ?? "?"
        let operands = (record["operands"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) = \(Self.value($0.value))" }
        return "`\(expression)` was \(value)" + (operands.isEmpty ? "" : " (\(operands.joined(separator: ", ")))")
    }
}
