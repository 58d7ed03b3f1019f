import Foundation

/// Column encodings of the small structs stored as JSON text (the fast writer, not `JSONEncoder`).
/// Dates are seconds since 1970, as `RunStore.dateDecoder` reads them back.
extension RunStore {
    static func columnJSON(_ t: RunTrigger) -> String {
        var o: [String: JSONValue] = ["kind": .string(t.kind)]
        if let id = t.id { o["id"] = .string(id) }
        if let actor = t.actor { o["actor"] = .string(actor) }
        if let fireAt = t.fireAt { o["fireAt"] = .string(fireAt) }
        return JSONValue.object(o).jsonString
    }

    static func columnJSON(_ f: RunFailure) -> String {
        var o: [String: JSONValue] = ["code": .string(f.code), "message": .string(f.message)]
        if let stepId = f.stepId { o["stepId"] = .string(stepId) }
        return JSONValue.object(o).jsonString
    }

    static func columnJSON(_ list: [WaitingOn]) -> String {
        guard !list.isEmpty else { return "[]" }
        return JSONValue.array(list.map { w in
            var o: [String: JSONValue] = ["kind": .string(w.kind), "stepId": .string(w.stepId),
                                          "since": .number(w.since.timeIntervalSince1970)]
            if let e = w.expiresAt { o["expiresAt"] = .number(e.timeIntervalSince1970) }
            if let m = w.message { o["message"] = .string(m) }
            if let a = w.approvers { o["approvers"] = .array(a.map { .string($0) }) }
            return .object(o)
        }).jsonString
    }

    /// Reads a `waiting_on` column written by `columnJSON(_:)` with the fast JSON parser (Foundation's
    /// `JSONDecoder` was a third of `GET /approvals` with 10,000 pending).
    static func waitingOnList(_ text: String?) -> [WaitingOn] {
        guard let text, text != "[]", let items = json(text)?.arrayValue else { return [] }
        return items.compactMap { item in
            guard let kind = item["kind"]?.stringValue, let stepId = item["stepId"]?.stringValue,
                  let since = item["since"]?.numberValue else { return nil }
            return WaitingOn(kind: kind, stepId: stepId, since: Date(timeIntervalSince1970: since),
                             expiresAt: item["expiresAt"]?.numberValue.map { Date(timeIntervalSince1970: $0) },
                             message: item["message"]?.stringValue,
                             approvers: item["approvers"]?.arrayValue.map { $0.compactMap(\.stringValue) })
        }
    }
}
