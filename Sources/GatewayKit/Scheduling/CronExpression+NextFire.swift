package import Foundation

// MARK: - Next fire times

extension CronExpression {
    /// How many years ahead the search looks before concluding the expression never fires: enough
    /// for a 29 February across a century that skips its leap day (2096 to 2104).
    static let searchYears = 8

    /// The note on a fire that would have been at the second of two identical wall times.
    static let overlapNote = "ambiguous local time (DST overlap); fired at first occurrence"

    /// The first fire strictly after `instant`, read on the wall clock of `zone`.
    ///
    /// A wall time that does not exist (spring forward) fires at the first instant after the gap;
    /// a wall time that occurs twice (fall back) fires once, at its first occurrence. Each wall
    /// time fires at most once, so fires never go backwards and never repeat.
    ///
    /// - Parameters:
    ///   - instant: the fire returned is strictly later than this.
    ///   - zone: the zone whose wall clock the fields are read on.
    /// - Returns: the fire, or `nil` when nothing matches within `searchYears` years
    ///   (e.g. `0 0 30 2 *`).
    package func nextFire(after instant: Date, in zone: TimeZone) -> Fire? {
        let after = instant.timeIntervalSince1970
        guard after.isFinite, abs(after) < 1e14 else { return nil }
        // Wall times map onto instants in order (gaps collapse, overlaps take the first pass), so
        // the answer is the first matching wall time after the wall time of `instant` whose
        // instant is later; only wall times in the second pass of an overlap resolve too early.
        let clock = ZoneClock(zone: zone)
        var local = clock.local(at: Int(after.rounded(.down))) + 1
        let lastYear = CivilDateTime(localSeconds: local).year + Self.searchYears
        while let wall = nextWallTime(from: local, throughYear: lastYear) {
            let fire: (instant: Int, note: String?)
            var resumeAt = wall + 1
            switch clock.resolve(wall) {
            case .unique(let instant):
                fire = (instant, nil)
            case .gap(let transition):
                fire = (transition, Self.gapNote(wall: wall, firedAt: clock.local(at: transition)))
            case .overlap(let first, let second):
                fire = (first, Self.overlapNote)
                // Once the first pass is over, skip the repeated wall times up to the overlap's end.
                resumeAt = max(resumeAt, clock.nextTransition(after: first, notAfter: second) + wall - first)
            }
            if TimeInterval(fire.instant) > after {
                return Fire(at: Date(timeIntervalSince1970: TimeInterval(fire.instant)), note: fire.note)
            }
            local = resumeAt
        }
        return nil
    }

    /// The next `count` fires strictly after `instant`, in order; fewer when the schedule ends.
    ///
    /// - Parameters:
    ///   - instant: every fire returned is strictly later than this.
    ///   - count: how many fires to return at most.
    ///   - zone: the zone whose wall clock the fields are read on.
    package func fires(after instant: Date, count: Int, in zone: TimeZone) -> [Fire] {
        var fires: [Fire] = []
        var cursor = instant
        while fires.count < count, let fire = nextFire(after: cursor, in: zone) {
            fires.append(fire)
            cursor = fire.at
        }
        return fires
    }

    // MARK: - Wall-clock search

    /// The first matching wall time at or after `local` (in local seconds), found by jumping from
    /// field to field rather than by scanning, or `nil` when none falls in or before `lastYear`.
    func nextWallTime(from local: Int, throughYear lastYear: Int) -> Int? {
        var time = CivilDateTime(localSeconds: local)
        while time.year <= lastYear {
            guard matchesDay(time) else {
                if months.contains(time.month) { time.advanceDay() } else { time.advanceMonth() }
                continue
            }
            guard let hour = hours.first(atLeast: time.hour) else {
                time.advanceDay()
                continue
            }
            if hour != time.hour { (time.hour, time.minute, time.second) = (hour, 0, 0) }
            guard let minute = minutes.first(atLeast: time.minute) else {
                time.advanceHour()
                continue
            }
            if minute != time.minute { (time.minute, time.second) = (minute, 0) }
            guard let second = seconds.first(atLeast: time.second) else {
                time.advanceMinute()
                continue
            }
            time.second = second
            return time.localSeconds
        }
        return nil
    }

    /// The note on a fire moved forward out of a DST gap.
    static func gapNote(wall: Int, firedAt fired: Int) -> String {
        "\(clockTime(wall)) does not exist (DST gap); fired at \(clockTime(fired))"
    }

    /// `HH:MM` of a local time, or `HH:MM:SS` when its seconds are not zero.
    private static func clockTime(_ local: Int) -> String {
        let time = CivilDateTime(localSeconds: local)
        let hourMinute = twoDigits(time.hour) + ":" + twoDigits(time.minute)
        return time.second == 0 ? hourMinute : hourMinute + ":" + twoDigits(time.second)
    }
}
