public import Foundation

/// RFC 3339 timestamps in UTC with milliseconds (`2026-11-29T18:00:00.000Z`), the only format gw shows.
public enum Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func format(_ date: Date) -> String {
        var ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let millis = Int(((ms % 1000) + 1000) % 1000)
        ms -= Int64(millis)
        let seconds = time_t(ms / 1000)
        var t = tm()
        var s = seconds
        gmtime_r(&s, &t)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday),
                      Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec), millis)
    }

    /// Parses RFC 3339 (`Z` or a numeric offset, optional fractional seconds).
    public static func parse(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = withFraction.date(from: text) { return d }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }
}
