/// One field of a cron expression; the raw value is the name used in error messages.
package enum CronField: String, Sendable, Hashable, CaseIterable {
    /// The optional leading field of a six-field expression, 0–59.
    case second
    /// Minute of the hour, 0–59.
    case minute
    /// Hour of the day, 0–23.
    case hour
    /// Day of the month, 1–31.
    case dayOfMonth = "day-of-month"
    /// Month, 1–12 or `JAN`–`DEC`.
    case month
    /// Day of the week, 0–7 (0 and 7 are Sunday) or `SUN`–`SAT`.
    case dayOfWeek = "day-of-week"

    /// The numbers the field accepts; day-of-week also takes 7 for Sunday.
    package var bounds: ClosedRange<Int> {
        switch self {
        case .second, .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The values `*` and an open-ended step (`a/n`) cover; day-of-week stops at Saturday.
    var fullRange: ClosedRange<Int> {
        self == .dayOfWeek ? 0...6 : bounds
    }

    /// The names the field accepts in place of numbers, upper-cased.
    var names: [String: Int] {
        switch self {
        case .month: Self.monthNames
        case .dayOfWeek: Self.weekdayNames
        default: [:]
        }
    }

    private static let monthNames: [String: Int] = [
        "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
        "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
    ]

    private static let weekdayNames: [String: Int] = [
        "SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6,
    ]
}
