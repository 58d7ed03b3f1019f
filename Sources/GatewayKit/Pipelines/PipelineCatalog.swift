import Synchronization

/// The current pipeline set, swapped atomically by reloads and read by the API and the engine.
final class PipelineCatalog: Sendable {
    private let current: Mutex<PipelineSet>

    init(_ set: PipelineSet) { current = Mutex(set) }

    /// The set in force now.
    var set: PipelineSet { current.withLock { $0 } }

    /// Replaces the set; returns the previous one.
    func replace(with set: PipelineSet) -> PipelineSet {
        current.withLock { old in
            defer { old = set }
            return old
        }
    }
}
