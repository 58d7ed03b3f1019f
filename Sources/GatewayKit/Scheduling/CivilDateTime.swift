/// A wall-clock date and time with no zone attached, in the proleptic Gregorian calendar.
///
/// "Local seconds" count wall-clock seconds since 1970-01-01T00:00:00 as if the wall clock were
/// UTC: they turn calendar arithmetic into integer arithmetic, and a zone offset turns them into
/// an instant (`instant = local - offset`).
struct CivilDateTime: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// The wall time `localSeconds` seconds after 1970-01-01T00:00:00.
    init(localSeconds: Int) {
        let days = Self.floorDivide(localSeconds, 86_400)
        let secondOfDay = localSeconds - days * 86_400
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        second = secondOfDay % 60
    }

    /// Wall-clock seconds since 1970-01-01T00:00:00.
    var localSeconds: Int {
        Self.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// The day of the week, 0 = Sunday through 6 = Saturday.
    var weekday: Int {
        let days = Self.days(year: year, month: month, day: day)
        return Self.floorModulo(days + 4, 7)  // 1970-01-01 was a Thursday.
    }

    /// Days in this date's month.
    var daysInMonth: Int { Self.daysIn(month: month, year: year) }

    // MARK: - Stepping

    /// Moves to 00:00:00 on the first day of the next month.
    mutating func advanceMonth() {
        if month == 12 {
            year += 1
            month = 1
        } else {
            month += 1
        }
        day = 1
        hour = 0
        minute = 0
        second = 0
    }

    /// Moves to 00:00:00 on the next day.
    mutating func advanceDay() {
        if day >= daysInMonth {
            advanceMonth()
            return
        }
        day += 1
        hour = 0
        minute = 0
        second = 0
    }

    /// Moves to the start of the next hour.
    mutating func advanceHour() {
        if hour >= 23 {
            advanceDay()
            return
        }
        hour += 1
        minute = 0
        second = 0
    }

    /// Moves to the start of the next minute.
    mutating func advanceMinute() {
        if minute >= 59 {
            advanceHour()
            return
        }
        minute += 1
        second = 0
    }

    // MARK: - Calendar arithmetic

    /// Whether `year` has a 29 February.
    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Division rounding toward negative infinity.
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// The remainder matching `floorDivide`, always in `0..<b` for positive `b`.
    static func floorModulo(_ a: Int, _ b: Int) -> Int {
        a - floorDivide(a, b) * b
    }
}
