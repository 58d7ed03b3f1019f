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
        let year = Int(t.tm_year) + 1900
        guard (0...9999).contains(year) else {
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, Int(t.tm_mon) + 1, Int(t.tm_mday),
                          Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec), millis)
        }
        // Digits written directly: `String(format:)` went through CoreFoundation's formatter and was an eighth
        // of the CPU of `GET /gateway` (bench/PROFILE.md); every run, step and event answer formats these.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int, width: Int, at offset: Int) {
                var v = value
                for i in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                    v /= 10
                }
            }
            put(year, width: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(Int(t.tm_mon) + 1, width: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(Int(t.tm_mday), width: 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(Int(t.tm_hour), width: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(Int(t.tm_min), width: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(Int(t.tm_sec), width: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(millis, width: 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
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
