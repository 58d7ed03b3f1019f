package import Foundation

/// A binary min-heap of pending fires keyed by due time: the one timer of the scheduler sleeps until its top.
///
/// Entries are never removed from the middle; a schedule that changes gets a new `generation` and its
/// stale entries are dropped when they reach the top.
package struct FireHeap: Sendable {
    /// One pending fire.
    package struct Entry: Sendable, Equatable {
        /// When the fire is due (planned time plus jitter).
        package var due: Date
        /// The planned time (before jitter).
        package var planned: Date
        package var scheduleId: String
        package var generation: Int
    }

    private var items: [Entry] = []

    package init() {}

    package var count: Int { items.count }
    /// The earliest entry.
    package var first: Entry? { items.first }

    /// Adds an entry.
    package mutating func push(_ entry: Entry) {
        items.append(entry)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].due < items[parent].due else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry.
    package mutating func pop() -> Entry? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left].due < items[smallest].due { smallest = left }
            if right < items.count, items[right].due < items[smallest].due { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
