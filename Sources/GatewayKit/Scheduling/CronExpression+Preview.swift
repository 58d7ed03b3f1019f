package import Foundation

// MARK: - Preview formatting

extension CronExpression {
    /// The wall time of `date` in `zone`, as `2026-03-08T03:00:00` (whole seconds, no offset).
    package static func localString(_ date: Date, in zone: TimeZone) -> String {
        let instant = Int(date.timeIntervalSince1970.rounded(.down))
        let time = CivilDateTime(localSeconds: ZoneClock(zone: zone).local(at: instant))
        let day = fourDigits(time.year) + "-" + twoDigits(time.month) + "-" + twoDigits(time.day)
        return day + "T" + twoDigits(time.hour) + ":" + twoDigits(time.minute) + ":" + twoDigits(time.second)
    }

    /// The UTC offset of `zone` at `date`, as `-05:00`, `+05:30` or `+00:00`.
    package static func offsetString(_ date: Date, in zone: TimeZone) -> String {
        let instant = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = ZoneClock(zone: zone).offset(at: instant)
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }

    /// `value` with a leading zero below 10.
    static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }

    /// A year padded to four digits (with a leading `-` before year 0).
    private static func fourDigits(_ value: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
