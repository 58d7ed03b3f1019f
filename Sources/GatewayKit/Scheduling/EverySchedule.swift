package import Foundation

/// A schedule that fires at a fixed interval, on the grid `anchor + k·interval` for every whole `k`.
///
/// The anchor fixes the phase (usually the moment the schedule was added); the grid runs both
/// ways from it, so the next fire after any instant is the first grid point strictly after it.
/// Time zones and DST play no part.
package struct EverySchedule: Sendable, Hashable {
    /// The smallest interval allowed, in seconds.
    package static let minimumInterval: TimeInterval = 1

    /// Seconds between fires, at least `minimumInterval`.
    package let interval: TimeInterval
    /// A point of the grid.
    package let anchor: Date

    /// A schedule firing every `interval` seconds in phase with `anchor`.
    ///
    /// - Returns: `nil` when `interval` is below one second or not finite.
    package init?(interval: TimeInterval, anchor: Date) {
        guard interval.isFinite, interval >= Self.minimumInterval else { return nil }
        self.interval = interval
        self.anchor = anchor
    }

    /// The first grid point strictly after `instant`.
    package func nextFire(after instant: Date) -> Fire {
        let elapsed = instant.timeIntervalSince(anchor)
        var step = (elapsed / interval).rounded(.down) + 1
        if point(step - 1) > instant { step -= 1 }  // rounding put the step one too late
        if point(step) <= instant { step += 1 }  // or one too early
        return Fire(at: point(step))
    }

    /// The next `count` grid points strictly after `instant`, in order.
    package func fires(after instant: Date, count: Int) -> [Fire] {
        var fires: [Fire] = []
        var cursor = instant
        while fires.count < count {
            let fire = nextFire(after: cursor)
            fires.append(fire)
            cursor = fire.at
        }
        return fires
    }

    /// The grid point `step` intervals from the anchor.
    private func point(_ step: Double) -> Date {
        anchor.addingTimeInterval(step * interval)
    }
}
