import Foundation

/// Builds a run's explanation from what it recorded (its record and events) — a read, never a re-evaluation.
/// Facts come in the order they happened, then the run's current state (what it waits on, how it ended).
struct RunExplainer {
    let record: RunRecord
    /// The run's events without output chunks (`RunStore.explainEvents`).
    let events: [RunEvent]
    /// Whether the gateway is paused now (for a queued run: why it may not have started).
    var gatewayPaused = false
    var now = Date()

    /// What the walk over the events collected, for the current-state facts and the summary.
    struct Walk {
        var facts: [RunExplanation.Fact] = []
        var reused: [String] = []
        /// Steps skipped by their `if`, with the condition record.
        var skipped: [(stepId: String, condition: JSONValue)] = []
        /// Failed attempts that were retried, by step.
        var retried: [String: [JSONValue]] = [:]
        /// Per waiting step: what its `run.waiting` / `approval.requested` / `breakpoint.hit` recorded.
        var waits: [String: [String: JSONValue]] = [:]
        var cancelledBy: String?
    }

    func explain() -> RunExplanation {
        var walk = Walk()
        var conditionSeen: Set<String> = []
        for event in events {
            let step = event.stepId ?? ""
            let data = event.data
            switch event.type {
            case "step.skipped" where data["reused"] == .bool(true):
                walk.reused.append(step)
                let from = data["fromRunId"]?.stringValue ?? "?"
                walk.facts.append(.init(kind: "reused", stepId: step, at: event.at,
                                        text: "Step \(step) was not run again: its \(data["status"]?.stringValue ?? "completed") outcome was reused from run \(from).",
                                        data: ["fromRunId": .string(from), "status": data["status"] ?? "completed"]))
            case "step.skipped":
                if let condition = data["if"] {
                    walk.skipped.append((step, condition))
                    walk.facts.append(.init(kind: "skipped", stepId: step, at: event.at,
                                            text: "Step \(step) was skipped: \(ExplainWords.condition(condition)).", data: condition))
                } else {
                    walk.facts.append(.init(kind: "skipped", stepId: step, at: event.at,
                                            text: "Step \(step) was skipped (\(data["reason"]?.stringValue ?? "no reason recorded")).", data: data))
                }
            case "step.started":
                if let condition = data["if"], conditionSeen.insert(step).inserted {
                    walk.facts.append(.init(kind: "condition", stepId: step, at: event.at,
                                            text: "Step \(step) ran: \(ExplainWords.condition(condition)).", data: condition))
                }
            case "step.retrying":
                walk.retried[step, default: []].append(data)
                let attempt = Int(data["attempt"]?.numberValue ?? 0)
                let delay = ExplainWords.duration(ms: data["delayMs"]?.numberValue ?? 0)
                walk.facts.append(.init(kind: "attempt", stepId: step, at: event.at,
                                        text: "Attempt \(attempt) of step \(step) failed (\(data["error"]?.stringValue ?? "?")); tried again after \(delay).",
                                        data: ["attempt": data["attempt"] ?? .null, "error": data["error"] ?? .null, "delayMs": data["delayMs"] ?? .null]))
            case "run.waiting":
                if let entry = data["waitingOn"]?.objectValue { walk.waits[step, default: [:]].merge(entry) { _, new in new } }
            case "approval.requested":
                walk.waits[step, default: [:]].merge(data.objectValue ?? [:]) { _, new in new }
            case "breakpoint.hit":
                walk.waits[step] = ["stepping": data["stepping"] ?? false]
            case "approval.approved", "approval.denied":
                let decision = event.type == "approval.approved" ? "approved" : "denied"
                let actor = data["actor"]?.stringValue ?? "?"
                let reason = data["reason"]?.stringValue
                let who = actor == "timeout" ? "by its timeout" : "by \(actor)"
                walk.facts.append(.init(kind: "decision", stepId: step, at: event.at,
                                        text: "Approval \(step) was \(decision) \(who) at \(ExplainWords.time(event.at, now: now))"
                                            + (reason.map { " (reason: \($0))" } ?? "") + ".",
                                        data: ["decision": .string(decision), "actor": .string(actor), "reason": reason.map { .string($0) } ?? .null]))
            case "wait.resumed":
                let timedOut = data["timedOut"] == .bool(true)
                let actor = data["actor"]?.stringValue ?? "?"
                walk.facts.append(.init(kind: "decision", stepId: step, at: event.at,
                                        text: timedOut ? "Wait \(step) timed out at \(ExplainWords.time(event.at, now: now))."
                                            : "Wait \(step) was resumed by \(actor) at \(ExplainWords.time(event.at, now: now)).",
                                        data: ["actor": .string(actor), "timedOut": .bool(timedOut)]))
            case "breakpoint.released":
                let actor = data["actor"]?.stringValue ?? "?"
                walk.facts.append(.init(kind: "breakpoint", stepId: step, at: event.at,
                                        text: "The breakpoint before step \(step) was released by \(actor) (mode: \(data["mode"]?.stringValue ?? "continue")).",
                                        data: ["released": true, "actor": .string(actor), "mode": data["mode"] ?? "continue"]))
            case "run.cancelled":
                walk.cancelledBy = data["actor"]?.stringValue
            default:
                break
            }
        }
        if record.status == .queued, record.retryOf != nil { walk.reused = record.steps.map(\.id) }
        var facts = linkFacts(walk) + walk.facts
        let (stateFacts, headline) = state(walk)
        facts += stateFacts
        return RunExplanation(runId: record.runId, status: record.status, summary: summary(headline, walk: walk), facts: facts)
    }

    /// `retryOf` first (it explains the reused steps), `retries` too.
    private func linkFacts(_ walk: Walk) -> [RunExplanation.Fact] {
        var out: [RunExplanation.Fact] = []
        if let link = record.retryOf {
            let reused = walk.reused.isEmpty ? "no step reused" : "\(ExplainWords.steps(walk.reused)) reused"
            out.append(.init(kind: "retryOf", at: record.createdAt,
                             text: "This run retries run \(link.runId) from step \(link.fromStep) (\(reused)).",
                             data: ["runId": .string(link.runId), "fromStep": .string(link.fromStep), "reused": .array(walk.reused.map { .string($0) })]))
        }
        if !record.retries.isEmpty {
            out.append(.init(kind: "retries", text: "Retried as run \(ExplainWords.list(record.retries)).",
                             data: ["runIds": .array(record.retries.map { .string($0) })]))
        }
        return out
    }
}
