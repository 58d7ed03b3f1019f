import Foundation
import Testing
@testable import GatewayKit

/// `Timestamp.format` writes its digits itself: it must match the `%04d-%02d-…` format it replaced.
@Suite struct TimestampFormatTests {
    @Test func matchesThePrintfFormatOverManyInstants() {
        var t = -86_400.0 * 365
        while t < 86_400.0 * 365 * 120 {
            let date = Date(timeIntervalSince1970: t)
            #expect(Timestamp.format(date) == reference(date), "\(t)")
            t += 86_400.0 * 17.37 + 3_601.123
        }
    }

    @Test func edgesOfTheDayAndOfTheMillisecond() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_796_405_276.7899)) == "2026-12-04T17:27:56.789Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_868_799.999)) == "2000-02-29T23:59:59.999Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }

    private func reference(_ date: Date) -> String {
        var ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let millis = Int(((ms % 1000) + 1000) % 1000)
        ms -= Int64(millis)
        var s = time_t(ms / 1000)
        var t = tm()
        gmtime_r(&s, &t)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(t.tm_year) + 1900, Int(t.tm_mon) + 1,
                      Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec), millis)
    }
}
