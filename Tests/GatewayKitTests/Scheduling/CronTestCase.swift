import Foundation
import Testing

@testable import GatewayKit

/// One line of a next-fire table: expression, zone and instant in; expected fire (UTC) and note out.
struct CronTestCase: Sendable, CustomTestStringConvertible {
    let cron: String
    let zone: String
    let after: String
    let expected: String?
    let note: String?

    /// A row; `expected` is `nil` when the expression never fires.
    init(_ cron: String, _ zone: String, _ after: String, _ expected: String?, note: String? = nil) {
        self.cron = cron
        self.zone = zone
        self.after = after
        self.expected = expected
        self.note = note
    }

    var testDescription: String { "\"\(cron)\" in \(zone) after \(after)" }

    /// Parses the expression, computes the next fire and checks it against the row.
    func check() throws {
        let expression = try CronExpression.parse(cron)
        let timeZone = try #require(TimeZone(identifier: zone))
        let fire = expression.nextFire(after: try Self.instant(after), in: timeZone)
        #expect(fire.map { Self.iso($0.at) } == expected)
        #expect(fire?.note == note)
    }

    /// `2026-03-08T07:00:00Z` as a date.
    static func instant(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    /// A date as `2026-03-08T07:00:00Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
