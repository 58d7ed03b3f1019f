package import Foundation

/// Something with a due time, ordered earliest first in a `MinHeap`.
package protocol DueOrdered: Sendable {
    var due: Date { get }
}

/// A binary min-heap by due time: a single timer sleeps until its top (the scheduler's fires, parked runs'
/// deadlines). Entries are never removed from the middle; stale ones are dropped when they reach the top.
package struct MinHeap<Element: DueOrdered>: Sendable {
    private var items: [Element] = []

    package init() {}

    package var count: Int { items.count }
    /// The earliest entry.
    package var first: Element? { items.first }

    /// Adds an entry.
    package mutating func push(_ entry: Element) {
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
    package mutating func pop() -> Element? {
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
