package import Foundation

extension ScheduleDefinition {
    /// The keys a schedule may have besides `id` and `pipelineId`.
    package static let fieldKeys: Set<String> = ["cron", "every", "at", "timezone", "input", "overlap", "catchup", "jitter"]

    /// Validates `fields` into a definition.
    /// - Parameters:
    ///   - fields: the schedule's fields as written (a pipeline trigger or an API body).
    ///   - now: `at` must be later than this unless `allowPastAt` (pipeline triggers and stored schedules).
    /// - Throws: `GatewayError` `invalid_input` naming the field and why; `details` lists every problem.
    package init(id: String, pipelineId: String, source: String, fields: [String: JSONValue], createdAt: Date,
                 now: Date, allowPastAt: Bool = false) throws {
        var problems: [(field: String, message: String)] = []
        func problem(_ field: String, _ message: String) { problems.append((field, message)) }
        let zoneName = fields["timezone"]?.stringValue ?? "UTC"
        let zone = TimeZone(identifier: zoneName)
        if zone == nil { problem("timezone", "unknown time zone '\(zoneName)' (an IANA name such as Europe/Berlin)") }
        let when = Self.when(fields, createdAt: createdAt, now: now, allowPastAt: allowPastAt, problem: problem)
        let overlap = Self.choice(fields, "overlap", default: Overlap.skip, problem: problem)
        let catchup = Self.choice(fields, "catchup", default: Catchup.latest, problem: problem)
        var jitter: TimeInterval = 0
        if let text = fields["jitter"]?.stringValue {
            if let seconds = DurationParser.parse(text) { jitter = seconds } else {
                problem("jitter", "invalid duration '\(text)' (e.g. 500ms, 30s, 5m)")
            }
        }
        for key in fields.keys where !Self.fieldKeys.contains(key) { problem(key, "unknown field '\(key)'") }
        guard problems.isEmpty, let when, let zone, let overlap, let catchup else {
            let message = problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            throw GatewayError(.invalidInput, "invalid schedule '\(id)': \(message)", details: .array(problems.map {
                ["field": .string($0.field), "message": .string($0.message)]
            }))
        }
        self.init(id: id, pipelineId: pipelineId, source: source, when: when, timezone: zone,
                  input: fields["input"], overlap: overlap, catchup: catchup, jitter: jitter, createdAt: createdAt,
                  fields: fields)
    }

    /// Exactly one of `cron`, `every` and `at`, checked.
    private static func when(_ fields: [String: JSONValue], createdAt: Date, now: Date, allowPastAt: Bool,
                             problem: (String, String) -> Void) -> When? {
        let given = ["cron", "every", "at"].filter { fields[$0] != nil }
        guard given.count == 1, let key = given.first else {
            problem(given.isEmpty ? "cron" : given.joined(separator: "/"), "give exactly one of cron, every, at")
            return nil
        }
        guard let text = fields[key]?.stringValue else {
            problem(key, "\(key) must be a string")
            return nil
        }
        switch key {
        case "cron":
            do { return .cron(try CronExpression.parse(text)) } catch let error as CronError {
                problem("cron", error.description)
            } catch { problem("cron", "\(error)") }
        case "every":
            guard let seconds = DurationParser.parse(text) else {
                problem("every", "invalid duration '\(text)' (e.g. 1s, 30s, 5m)")
                return nil
            }
            guard let every = EverySchedule(interval: seconds, anchor: createdAt) else {
                problem("every", "every must be at least 1s, found '\(text)'")
                return nil
            }
            return .every(every)
        default:
            guard let at = Timestamp.parse(text) else {
                problem("at", "at must be an RFC 3339 time (2026-11-29T18:00:00Z), found '\(text)'")
                return nil
            }
            if !allowPastAt && at <= now { problem("at", "at \(text) is in the past") }
            return .at(at)
        }
        return nil
    }

    /// An enum field, or its default when absent.
    private static func choice<T: RawRepresentable & CaseIterable>(
        _ fields: [String: JSONValue], _ key: String, default value: T, problem: (String, String) -> Void
    ) -> T? where T.RawValue == String {
        guard let raw = fields[key] else { return value }
        if let text = raw.stringValue, let choice = T(rawValue: text) { return choice }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        problem(key, "\(key) must be one of \(allowed), found \(raw.jsonString)")
        return nil
    }
}
