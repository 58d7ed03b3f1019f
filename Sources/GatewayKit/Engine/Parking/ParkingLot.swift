import Foundation

/// Runs that wait on a person, a timer or a breakpoint hold no task (DESIGN §3, issue 14): such a run is a
/// row in the store, a gate in the `GateRegistry` and at most one entry in this lot's deadline heap, served by
/// one timer task for all of them. A decision or a deadline re-enters the run from the store (as recovery after a
/// restart does); the signal that woke it is handed to the re-entered step, which commits its consequence and
/// acknowledges the person's API call.
actor ParkingLot {
    /// A person's signal waiting for the re-entered step, with the acknowledgement of the API call that sent it.
    struct Delivery: Sendable {
        let signal: HumanSignal
        let ack: CheckedContinuation<Void, Never>
    }

    struct Deadline: DueOrdered {
        let due: Date
        let runId: String
        let stepId: String
    }

    private var deliveries: [String: Delivery] = [:]
    private var deadlines = MinHeap<Deadline>()
    private var timer: Task<Void, Never>?
    private var timerDue: Date?
    /// Re-enters a run from the store (set by the engine).
    private var reenter: (@Sendable (_ runId: String) async -> Void)?
    /// Called when a deadline passes (set by the engine): takes the gate, if any, and re-enters the run.
    private var expire: (@Sendable (_ runId: String, _ stepId: String) async -> Void)?

    func connect(reenter: @escaping @Sendable (String) async -> Void,
                 expire: @escaping @Sendable (String, String) async -> Void) {
        self.reenter = reenter
        self.expire = expire
    }

    /// Number of pending deadlines (stale ones included until they reach the top).
    var deadlineCount: Int { deadlines.count }

    // MARK: - Signals

    /// Hands `signal` to the step when the run re-enters, re-enters it, and returns once the step has committed
    /// the consequence (or the run ended without reaching the step).
    func deliver(runId: String, stepId: String, signal: HumanSignal) async {
        await withCheckedContinuation { ack in
            deliveries[Self.key(runId, stepId)] = Delivery(signal: signal, ack: ack)
            let reenter = self.reenter
            Task { await reenter?(runId) }
        }
    }

    /// The signal waiting for this step, taken once.
    func takeDelivery(runId: String, stepId: String) -> Delivery? {
        deliveries.removeValue(forKey: Self.key(runId, stepId))
    }

    /// Acknowledges every signal still waiting for `runId` (the run ended or parked elsewhere without taking it).
    func releaseDeliveries(runId: String) {
        let prefix = runId + "\u{0}"
        for key in deliveries.keys where key.hasPrefix(prefix) {
            deliveries.removeValue(forKey: key)?.ack.resume()
        }
    }

    // MARK: - Deadlines

    /// Wakes the run at `due` (a sleep's end, a wait's or an approval's timeout).
    func schedule(runId: String, stepId: String, due: Date) {
        deadlines.push(Deadline(due: due, runId: runId, stepId: stepId))
        if timerDue.map({ due < $0 }) ?? true { rearm() }
    }

    private func rearm() {
        timer?.cancel()
        guard let next = deadlines.first else {
            (timer, timerDue) = (nil, nil)
            return
        }
        timerDue = next.due
        timer = Task { [weak self] in
            let wait = max(0, next.due.timeIntervalSinceNow)
            try? await Task.sleep(for: .milliseconds(Int64(min(wait, 3.15e9) * 1000)))
            guard !Task.isCancelled else { return }
            await self?.fireDue()
        }
    }

    private func fireDue() async {
        var due: [Deadline] = []
        let now = Date()
        while let top = deadlines.first, top.due <= now, let entry = deadlines.pop() { due.append(entry) }
        (timer, timerDue) = (nil, nil)
        rearm()
        guard let expire else { return }
        for entry in due {
            Task { await expire(entry.runId, entry.stepId) }
        }
    }

    private static func key(_ runId: String, _ stepId: String) -> String { runId + "\u{0}" + stepId }
}
