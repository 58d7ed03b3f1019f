public import Foundation

/// A debug breakpoint: runs stop before a step with this id (in one pipeline, or in any).
public struct Breakpoint: Sendable, Hashable {
    public var stepId: String
    public var pipelineId: String?
    public var createdAt: Date
    public var actor: String
}

/// The breakpoints in force, in memory for the engine's per-step check (persisted by the caller).
actor BreakpointRegistry {
    private var entries: [Breakpoint]

    init(entries: [Breakpoint]) { self.entries = entries }

    var all: [Breakpoint] { entries.sorted { ($0.stepId, $0.pipelineId ?? "") < ($1.stepId, $1.pipelineId ?? "") } }

    /// True when a run of `pipelineId` must stop before `stepId`.
    func matches(pipelineId: String, stepId: String) -> Bool {
        entries.contains { $0.stepId == stepId && ($0.pipelineId == nil || $0.pipelineId == pipelineId) }
    }

    func add(_ breakpoint: Breakpoint) {
        entries.removeAll { $0.stepId == breakpoint.stepId && $0.pipelineId == breakpoint.pipelineId }
        entries.append(breakpoint)
    }

    /// Removes a breakpoint; false when there was none.
    func remove(stepId: String, pipelineId: String?) -> Bool {
        let before = entries.count
        entries.removeAll { $0.stepId == stepId && $0.pipelineId == pipelineId }
        return entries.count != before
    }
}
