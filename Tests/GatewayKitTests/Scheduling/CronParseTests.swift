import Foundation
import Testing

@testable import GatewayKit

/// Parsing: what is accepted, what each accepted form means, and the message for each rejection.
@Suite struct CronParseTests {
    @Test(arguments: [
        ("", "invalid cron \"\": empty expression"),
        ("   ", "invalid cron \"   \": empty expression"),
        ("* * * *", "invalid cron \"* * * *\": expected 5 or 6 fields, got 4"),
        ("* * * * * * *", "invalid cron \"* * * * * * *\": expected 5 or 6 fields, got 7"),
        ("@reboot", "invalid cron \"@reboot\": unknown macro \"@reboot\""),
        ("61 * * * *", "invalid cron \"61 * * * *\": minute: 61 is out of range 0-59"),
        ("* 24 * * *", "invalid cron \"* 24 * * *\": hour: 24 is out of range 0-23"),
        ("* * 0 * *", "invalid cron \"* * 0 * *\": day-of-month: 0 is out of range 1-31"),
        ("* * 32 * *", "invalid cron \"* * 32 * *\": day-of-month: 32 is out of range 1-31"),
        ("* * * 13 *", "invalid cron \"* * * 13 *\": month: 13 is out of range 1-12"),
        ("* * * * 8", "invalid cron \"* * * * 8\": day-of-week: 8 is out of range 0-7"),
        ("60 * * * * *", "invalid cron \"60 * * * * *\": second: 60 is out of range 0-59"),
        ("5-70 * * * *", "invalid cron \"5-70 * * * *\": minute: 70 is out of range 0-59"),
        ("*/0 * * * *", "invalid cron \"*/0 * * * *\": minute: step must be ≥ 1"),
        ("* * * * MON-FRI/0", "invalid cron \"* * * * MON-FRI/0\": day-of-week: step must be ≥ 1"),
        ("*/x * * * *", "invalid cron \"*/x * * * *\": minute: invalid step \"x\""),
        ("*/2/3 * * * *", "invalid cron \"*/2/3 * * * *\": minute: invalid step \"2/3\""),
        ("30-10 * * * *", "invalid cron \"30-10 * * * *\": minute: range 30-10 is reversed"),
        ("* * * * FRI-MON", "invalid cron \"* * * * FRI-MON\": day-of-week: range FRI-MON is reversed"),
        ("1-2-3 * * * *", "invalid cron \"1-2-3 * * * *\": minute: invalid range \"1-2-3\""),
        ("-5 * * * *", "invalid cron \"-5 * * * *\": minute: invalid range \"-5\""),
        ("* * * FOO *", "invalid cron \"* * * FOO *\": month: unknown name \"FOO\""),
        ("* * * * MONDAY", "invalid cron \"* * * * MONDAY\": day-of-week: unknown name \"MONDAY\""),
        ("* * * MON *", "invalid cron \"* * * MON *\": month: unknown name \"MON\""),
        ("MON * * * *", "invalid cron \"MON * * * *\": minute: invalid value \"MON\""),
        ("1x * * * *", "invalid cron \"1x * * * *\": minute: invalid value \"1x\""),
        ("1,,2 * * * *", "invalid cron \"1,,2 * * * *\": minute: empty list item"),
        ("0 0 1, * *", "invalid cron \"0 0 1, * *\": day-of-month: empty list item"),
    ])
    func rejects(_ text: String, message: String) {
        #expect {
            try CronExpression.parse(text)
        } throws: { error in
            (error as? CronError)?.description == message
        }
    }

    @Test func errorNamesTheFieldAndReason() throws {
        let error = try #require(throws: CronError.self) { try CronExpression.parse("0 25 * * *") }
        #expect(error.field == .hour)
        #expect(error.reason == "25 is out of range 0-23")
        #expect(error.expression == "0 25 * * *")
    }

    @Test(arguments: [
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
        ("  @Daily\t", "0 0 * * *"),
        ("0 0 * * 7", "0 0 * * 0"),
        ("0 0 * * SUN", "0 0 * * 0"),
        ("0 0 * * 0-7", "0 0 * * *"),
        ("0 0 * * mon-FRI", "0 0 * * 1-5"),
        ("0 0 1 jan,Jun,DEC *", "0 0 1 1,6,12 *"),
        ("*/15 * * * *", "0,15,30,45 * * * *"),
        ("10/20 * * * *", "10,30,50 * * * *"),
        ("5-20/5 * * * *", "5,10,15,20 * * * *"),
        ("0 0 * * 1/2", "0 0 * * 1,3,5"),
        ("*/90 * * * *", "0 * * * *"),
        ("0 * * * *", "0 0 * * * *"),
        ("0\t0  *   *\t*", "0 0 * * *"),
    ])
    func parsesToTheSameScheduleAs(_ text: String, equivalent: String) throws {
        #expect(try CronExpression.parse(text) == CronExpression.parse(equivalent))
    }

    @Test func vixieRuleDependsOnLeadingStar() throws {
        #expect(try CronExpression.parse("0 0 13 * FRI").daysMatchEither)
        #expect(try !CronExpression.parse("0 0 */2 * FRI").daysMatchEither)
        #expect(try !CronExpression.parse("0 0 13 * *").daysMatchEither)
        #expect(try !CronExpression.parse("0 0 1-31 * *").daysMatchEither)
        #expect(try CronExpression.parse("0 0 1-31 * MON").daysMatchEither)
    }
}
