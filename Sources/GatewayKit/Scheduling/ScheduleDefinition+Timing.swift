package import Foundation
import Crypto

extension ScheduleDefinition {
    /// The first planned fire strictly after `instant` (before jitter), or `nil` when the schedule is over.
    package func nextFire(after instant: Date) -> Fire? {
        switch when {
        case .cron(let cron): return cron.nextFire(after: instant, in: timezone)
        case .every(let every): return every.nextFire(after: instant)
        case .at(let at): return at > instant ? Fire(at: at) : nil
        }
    }

    /// The next `count` planned fires strictly after `instant`.
    package func fires(after instant: Date, count: Int) -> [Fire] {
        var fires: [Fire] = []
        var cursor = instant
        while fires.count < count, let fire = nextFire(after: cursor) {
            fires.append(fire)
            cursor = fire.at
        }
        return fires
    }

    /// The delay added to the fire planned at `planned`: deterministic (a hash of the schedule id and the
    /// planned instant), in `[0, jitter)`, so a restart or a preview gives the same answer.
    package func jitterDelay(for planned: Date) -> TimeInterval {
        guard jitter > 0 else { return 0 }
        let key = "\(id)\u{0}\(Int64((planned.timeIntervalSince1970 * 1000).rounded()))"
        let digest = Array(SHA256.hash(data: Data(key.utf8)))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return jitter * Double(value >> 11) / Double(UInt64(1) << 53)
    }

    /// The fires planned in `(from, to]` that catch-up makes up, by the schedule's `catchup` policy.
    ///
    /// `cron` and `every` look back at most `catchupWindow` and make up at most `catchupLimit` fires;
    /// a missed `at` fires unless `catchup` is `none`.
    package func missedFires(from: Date, to: Date) -> [Date] {
        if case .at(let at) = when { return catchup != .none && at > from && at <= to ? [at] : [] }
        guard catchup != .none else { return [] }
        var missed: [Date] = []
        var cursor = max(from, to.addingTimeInterval(-Self.catchupWindow))
        while let fire = nextFire(after: cursor), fire.at <= to {
            missed.append(fire.at)
            if catchup == .latest && missed.count > 1 { missed.removeFirst() }
            if missed.count >= Self.catchupLimit { break }
            cursor = fire.at
        }
        return missed
    }
}
