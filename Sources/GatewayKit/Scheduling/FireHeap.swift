package import Foundation

/// A binary min-heap of pending fires keyed by due time: the one timer of the scheduler sleeps until its top.
///
/// Entries are never removed from the middle; a schedule that changes gets a new `generation` and its
/// stale entries are dropped when they reach the top.
package struct FireHeap: Sendable {
    /// One pending fire.
    package struct Entry: DueOrdered, Equatable {
        /// When the fire is due (planned time plus jitter).
        package var due: Date
        /// The planned time (before jitter).
        package var planned: Date
        package var scheduleId: String
        package var generation: Int
    }

    private var heap = MinHeap<Entry>()

    package init() {}

    package var count: Int { heap.count }
    /// The earliest entry.
    package var first: Entry? { heap.first }

    /// Adds an entry.
    package mutating func push(_ entry: Entry) { heap.push(entry) }

    /// Removes and returns the earliest entry.
    package mutating func pop() -> Entry? { heap.pop() }
}
