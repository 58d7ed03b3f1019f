internal import Foundation

/// Converts between instants and local wall-clock seconds in one time zone, applying gw's DST rules.
///
/// Instants and local times are whole seconds since 1970-01-01 (see `CivilDateTime.localSeconds`).
/// The only zone question asked is `TimeZone.secondsFromGMT(for:)`, so the answers follow the
/// zone database Foundation ships with, and nothing here depends on a `Calendar`.
struct ZoneClock: Sendable {
    /// How a local wall time maps onto instants.
    enum Resolution: Sendable, Hashable {
        /// The wall time occurs exactly once, at `instant`.
        case unique(instant: Int)
        /// The wall time falls in a spring-forward gap; `transition` is the first instant after it.
        case gap(transition: Int)
        /// The wall time occurs twice (fall back); `first` is the earlier instant.
        case overlap(first: Int, second: Int)
    }

    /// The zone whose wall clock this reads.
    let zone: TimeZone

    /// The zone's UTC offset in seconds at `instant`.
    func offset(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock reading at `instant`, in local seconds.
    func local(at instant: Int) -> Int {
        instant + offset(at: instant)
    }

    /// The instants at which the wall clock reads `local`.
    ///
    /// Assumes at most one offset change within a day of `local`, which holds for every zone in
    /// the database in the years gw schedules for.
    func resolve(_ local: Int) -> Resolution {
        let offsets = Set([offset(at: local - 86_400), offset(at: local), offset(at: local + 86_400)])
        let instants = offsets.map { local - $0 }.filter { self.local(at: $0) == local }.sorted()
        if let first = instants.first, let last = instants.last {
            return first == last ? .unique(instant: first) : .overlap(first: first, second: last)
        }
        let transition = firstInstant(from: local - 86_400, to: local + 86_400) { self.local(at: $0) > local }
        return .gap(transition: transition)
    }

    /// The first instant after `first` at which the offset differs from the offset at `first`.
    ///
    /// - Parameters:
    ///   - first: an instant before the change.
    ///   - limit: an instant at or after the change.
    func nextTransition(after first: Int, notAfter limit: Int) -> Int {
        let before = offset(at: first)
        return firstInstant(from: first, to: limit) { self.offset(at: $0) != before }
    }

    /// Binary search for the smallest instant in `(low, high]` satisfying `isAfter`, which must be
    /// false at `low`, true at `high` and switch only once in between.
    private func firstInstant(from low: Int, to high: Int, where isAfter: (Int) -> Bool) -> Int {
        var low = low
        var high = high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if isAfter(middle) { high = middle } else { low = middle }
        }
        return high
    }
}
