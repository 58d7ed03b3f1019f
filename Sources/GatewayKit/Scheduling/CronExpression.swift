/// A parsed cron expression: which wall-clock times it fires at.
///
/// Five fields (`minute hour day-of-month month day-of-week`) or six with a leading `second`;
/// `*`, numbers, ranges `a-b`, steps `*/n`, `a-b/n` and `a/n`, lists `a,b,c`, month names
/// `JAN`–`DEC`, day names `SUN`–`SAT` (any case), day-of-week 7 for Sunday, and the macros
/// `@yearly @annually @monthly @weekly @daily @midnight @hourly`.
///
/// Days follow Vixie cron: when both day-of-month and day-of-week are restricted (neither field
/// starts with `*`), a day matches if either matches; otherwise it must match both.
/// The value is pure: `nextFire(after:in:)` reads the zone but no clock.
package struct CronExpression: Sendable, Hashable {
    /// Allowed seconds; `{0}` for a five-field expression.
    var seconds: CronSet
    /// Allowed minutes.
    var minutes: CronSet
    /// Allowed hours.
    var hours: CronSet
    /// Allowed days of the month.
    var daysOfMonth: CronSet
    /// Allowed months.
    var months: CronSet
    /// Allowed days of the week, 0 = Sunday (7 already folded into 0).
    var daysOfWeek: CronSet
    /// Whether a day matches on either day field (both restricted) rather than on both.
    var daysMatchEither: Bool

    /// Parses `text` as a cron expression.
    ///
    /// - Parameter text: five or six whitespace-separated fields, or a macro such as `@daily`.
    /// - Throws: `CronError` naming the field at fault and why, e.g.
    ///   `invalid cron "61 * * * *": minute: 61 is out of range 0-59`.
    package static func parse(_ text: String) throws -> CronExpression {
        let trimmed = trimmingWhitespace(text)
        guard !trimmed.isEmpty else { throw CronError(expression: text, reason: "empty expression") }
        let source: String
        if trimmed.hasPrefix("@") {
            guard let expansion = macros[trimmed.lowercased()] else {
                throw CronError(expression: text, reason: "unknown macro \"\(trimmed)\"")
            }
            source = expansion
        } else {
            source = String(trimmed)
        }
        var fields = source.split(whereSeparator: { $0.isWhitespace })
        guard fields.count == 5 || fields.count == 6 else {
            throw CronError(expression: text, reason: "expected 5 or 6 fields, got \(fields.count)")
        }
        if fields.count == 5 { fields.insert("0", at: 0) }
        return try CronExpression(fields: fields, of: text)
    }

    /// Builds the expression from exactly six fields, seconds first.
    private init(fields: [Substring], of text: String) throws {
        seconds = try CronField.second.values(in: fields[0], of: text)
        minutes = try CronField.minute.values(in: fields[1], of: text)
        hours = try CronField.hour.values(in: fields[2], of: text)
        daysOfMonth = try CronField.dayOfMonth.values(in: fields[3], of: text)
        months = try CronField.month.values(in: fields[4], of: text)
        daysOfWeek = try CronField.dayOfWeek.values(in: fields[5], of: text)
        daysMatchEither = !fields[3].hasPrefix("*") && !fields[5].hasPrefix("*")
    }

    /// The five-field form of each macro.
    private static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *",
        "@annually": "0 0 1 1 *",
        "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *",
        "@midnight": "0 0 * * *",
        "@hourly": "0 * * * *",
    ]

    // MARK: - Matching

    /// Whether the expression allows the calendar day of `date` (month and day fields only).
    func matchesDay(_ date: CivilDateTime) -> Bool {
        guard months.contains(date.month) else { return false }
        let dayOfMonth = daysOfMonth.contains(date.day)
        let dayOfWeek = daysOfWeek.contains(date.weekday)
        return daysMatchEither ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek
    }

    /// `text` without leading and trailing whitespace.
    private static func trimmingWhitespace(_ text: String) -> Substring {
        let start = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let end = text.lastIndex(where: { !$0.isWhitespace }).map(text.index(after:)) ?? text.endIndex
        return start < end ? text[start..<end] : text[text.endIndex...]
    }
}
