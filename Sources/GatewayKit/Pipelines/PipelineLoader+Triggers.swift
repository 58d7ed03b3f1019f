import Foundation

/// Reading `triggers:` (DESIGN §2.2, §5).
extension PipelineLoader {
    /// The trigger kinds with their own keys.
    static let triggerKeys: KeyValuePairs<String, [String]> = [
        "schedule": ["cron", "every", "at", "timezone", "input", "overlap", "catchup", "jitter"],
        "webhook": ["path", "secretEnv", "signature", "input"],
        "manual": ["input"],
    ]
    /// The form of trigger ids.
    static let triggerIDPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"

    /// The list of triggers; wrong ones are left out (their errors are recorded).
    func triggers(_ r: YAMLReader) -> [TriggerDefinition] {
        guard let items = attempt({ try r.sequence(what: "triggers") }) else { return [] }
        let outer = scope
        defer { scope = outer }
        return items.compactMap(trigger)
    }

    private func trigger(_ r: YAMLReader) -> TriggerDefinition? {
        guard let members = attempt({ try r.mapping(what: "a trigger") }) else { return nil }
        let map = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let id = map["id"].flatMap { triggerID($0) }
        if map["id"] == nil { errors.append(r.error("a trigger needs an id")) }
        let kinds = Self.triggerKeys.map(\.key)
        let kind = map["kind"].flatMap { k in attempt { try choice(k, kinds, what: "trigger kind") } }
        if map["kind"] == nil { errors.append(r.error("a trigger needs a kind (\(kinds.joined(separator: ", ")))")) }
        guard let kind, let own = Self.triggerKeys.first(where: { $0.key == kind })?.value else { return nil }
        let name = "\(kind) trigger '\(id ?? "?")'"
        checkKeys(members, allowed: ["id", "kind"] + own, what: name)
        let fields = StepFields(reader: r, name: name, members: map)
        let errorCount = errors.count
        scope = ReferenceScope(roots: kind == "webhook" ? ["webhook"] : [], visibleSteps: [], stepID: nil)
        _ = optional(fields, "input") { r in
            guard case .mapping = r.node else { throw r.error("input must be a mapping") }
            return try valueTemplate(r, what: "input")
        }
        if kind == "schedule" { checkSchedule(fields) }
        if kind == "webhook" { checkWebhook(fields) }
        guard let id, errors.count == errorCount, let json = attempt({ try r.json() }) else { return nil }
        return TriggerDefinition(id: id, kind: kind, fields: json.objectValue ?? [:])
    }

    private func triggerID(_ r: YAMLReader) -> String? {
        guard let id = attempt({ try r.string(what: "trigger id") }) else { return nil }
        guard id.range(of: Self.triggerIDPattern, options: .regularExpression) != nil else {
            errors.append(r.error("trigger id '\(id)' must match [A-Za-z0-9][A-Za-z0-9._-]*"))
            return nil
        }
        if let first = triggerPositions[id] {
            errors.append(r.error("duplicate trigger id '\(id)' (first defined at line \(first.line))"))
            return nil
        }
        triggerPositions[id] = position(of: r)
        return id
    }

    private func checkSchedule(_ f: StepFields) {
        let whens = ["cron", "every", "at"].filter { f[$0] != nil }
        if whens.count != 1 { errors.append(f.reader.error("\(f.name) needs exactly one of cron, every, at")) }
        _ = optional(f, "cron") { r in
            do { _ = try CronExpression.parse(try r.string(what: "cron")) } catch let error as CronError {
                throw r.error(error.description)
            }
        }
        _ = optional(f, "every") { r in
            guard try r.duration(what: "every") >= 1 else { throw r.error("every must be at least 1s") }
        }
        _ = optional(f, "at") { r in
            let text = try r.string(what: "at")
            if text.contains("${{") { _ = try template(r, what: "at") } else if Timestamp.parse(text) == nil {
                throw r.error("at must be an RFC 3339 time (2026-11-29T18:00:00Z), found '\(text)'")
            }
        }
        _ = optional(f, "timezone") { r in
            let zone = try r.string(what: "timezone")
            guard TimeZone(identifier: zone) != nil else {
                throw r.error("unknown time zone '\(zone)' (an IANA name such as Europe/Berlin)")
            }
        }
        _ = optional(f, "overlap") { try choice($0, ["skip", "queue", "cancel", "allow"], what: "overlap") }
        _ = optional(f, "catchup") { try choice($0, ["none", "latest", "all"], what: "catchup") }
        _ = optional(f, "jitter") { try $0.duration(what: "jitter") }
    }

    private func checkWebhook(_ f: StepFields) {
        _ = optional(f, "path") { r in
            let path = try r.string(what: "path")
            guard path.range(of: "^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$", options: .regularExpression) != nil else {
                throw r.error("path must be URL path segments ([A-Za-z0-9._~-] separated by /), found '\(path)'")
            }
        }
        _ = optional(f, "secretEnv") { try $0.string(what: "secretEnv") }
        _ = optional(f, "signature") { try choice($0, ["github", "hmac-sha256"], what: "signature") }
        if f["signature"] != nil, f["secretEnv"] == nil {
            errors.append(f.reader.error("\(f.name) needs secretEnv to check its signature"))
        }
    }
}
