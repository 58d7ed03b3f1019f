/// The set of values one cron field allows, kept as a 64-bit mask (every field's values lie in 0...63).
struct CronSet: Sendable, Hashable {
    /// Bit `n` is set when value `n` is allowed.
    private(set) var bits: UInt64 = 0

    /// An empty set.
    init() {}

    /// Whether `value` is allowed.
    func contains(_ value: Int) -> Bool {
        (0..<64).contains(value) && bits & (1 << UInt64(value)) != 0
    }

    /// Allows `value`, which must lie in 0...63.
    mutating func insert(_ value: Int) {
        precondition((0..<64).contains(value), "cron values lie in 0...63")
        bits |= 1 << UInt64(value)
    }

    /// Forbids `value` again, if it is in 0...63.
    mutating func remove(_ value: Int) {
        guard (0..<64).contains(value) else { return }
        bits &= ~(1 << UInt64(value))
    }

    /// Adds every value of `other`.
    mutating func formUnion(_ other: CronSet) {
        bits |= other.bits
    }

    /// The smallest allowed value that is `value` or larger, or `nil` when there is none.
    func first(atLeast value: Int) -> Int? {
        guard value < 64 else { return nil }
        let remaining = value <= 0 ? bits : bits & ~((1 << UInt64(value)) - 1)
        return remaining == 0 ? nil : remaining.trailingZeroBitCount
    }
}
