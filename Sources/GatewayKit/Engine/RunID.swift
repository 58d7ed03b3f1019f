import Foundation
import Synchronization

/// Run ids: opaque, unique and time-sortable (`r` + 12 hex digits of milliseconds + 8 random hex digits).
enum RunID {
    private static let last = Mutex<(ms: UInt64, counter: UInt32)>((0, 0))

    /// A new id; ids made later sort after earlier ones, also within one millisecond.
    static func make(now: Date = Date()) -> String {
        let ms = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let (useMs, counter) = last.withLock { state -> (UInt64, UInt32) in
            if ms > state.ms {
                state = (ms, UInt32.random(in: 0..<0x4000_0000))
            } else {
                state.counter &+= 1
            }
            return (state.ms, state.counter)
        }
        return "r" + hex(useMs, width: 12) + hex(UInt64(counter), width: 8)
    }

    private static func hex(_ value: UInt64, width: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
