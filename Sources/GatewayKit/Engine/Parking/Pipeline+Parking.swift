extension Pipeline {
    /// Whether a wait at `stepId` can leave the run's task (park): only at a top-level step (nested ones share
    /// their parent's task with siblings), only without a run timeout (it is enforced by the run's task), and never
    /// an agent's permission request (the agent's turn is live in the task). `gate` is nil for a sleep.
    /// The one rule for a wait as it happens and for a wait recorded before a restart.
    func canPark(stepId: String, gate: PendingGate.Kind?) -> Bool {
        guard timeout == nil, let step = steps.first(where: { $0.id == stepId }) else { return false }
        return !(step.kind == "agent" && gate == .approval)
    }
}
