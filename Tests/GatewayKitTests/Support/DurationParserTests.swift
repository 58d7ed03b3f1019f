import Testing
@testable import GatewayKit

@Suite struct DurationParserTests {
    @Test(arguments: [("500ms", 0.5), ("30s", 30.0), ("5m", 300.0), ("2h", 7200.0), ("1d", 86400.0), ("1h30m", 5400.0),
                      ("1m30s250ms", 90.25), ("1.5s", 1.5), ("36500d", 36500 * 86400.0)])
    func validDurationsParse(text: String, seconds: Double) {
        #expect(DurationParser.parse(text) == seconds)
    }

    /// Longer than 100 years (or past what a Double holds) is refused: it would trap converting to milliseconds.
    @Test(arguments: ["", "5", "s", "5x", "1h 30m", "-5s", "5mm", "36501d", "560006648095d", String(repeating: "9", count: 400) + "s"])
    func invalidDurationsAreRefused(text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test func formattingIsCompact() {
        #expect(DurationParser.format(5400) == "1h30m")
        #expect(DurationParser.format(0.25) == "250ms")
        #expect(DurationParser.format(86400 + 1) == "1d1s")
    }

    @Test func timestampsAreUTCWithMilliseconds() throws {
        let date = try #require(Timestamp.parse("2026-11-29T18:00:00.123+01:00"))
        #expect(Timestamp.format(date) == "2026-11-29T17:00:00.123Z")
        #expect(Timestamp.parse("yesterday") == nil)
    }
}
