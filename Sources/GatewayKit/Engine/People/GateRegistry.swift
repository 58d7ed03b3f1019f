/// The steps waiting for a person right now, by run and step. Taking a gate is atomic: of two people
/// deciding the same approval at once, exactly one gets it.
actor GateRegistry {
    private var gates: [String: [String: PendingGate]] = [:]
    /// Runs released with `mode: step`: they stop again before their next step.
    private var stepping: Set<String> = []

    func register(_ gate: PendingGate) { gates[gate.runId, default: [:]][gate.stepId] = gate }

    func unregister(runId: String, stepId: String) {
        gates[runId]?[stepId] = nil
        if gates[runId]?.isEmpty == true { gates[runId] = nil }
    }

    /// Forgets every gate of a run (it was cancelled while parked).
    func removeAll(runId: String) { gates[runId] = nil }

    /// The gates of a run, by step id order.
    func pending(runId: String) -> [PendingGate] {
        (gates[runId] ?? [:]).values.sorted { $0.stepId < $1.stepId }
    }

    /// Removes and returns a gate; nil when someone else took it first.
    func take(runId: String, stepId: String) -> PendingGate? {
        guard let gate = gates[runId]?[stepId] else { return nil }
        unregister(runId: runId, stepId: stepId)
        return gate
    }

    func setStepping(_ runId: String, _ on: Bool) {
        if on { stepping.insert(runId) } else { stepping.remove(runId) }
    }

    func isStepping(_ runId: String) -> Bool { stepping.contains(runId) }
}
