import Foundation

extension RunExplainer {
    /// The facts of the run's current state and the summary's first sentence.
    func state(_ walk: Walk) -> (facts: [RunExplanation.Fact], headline: String) {
        let t = { (d: Date) in ExplainWords.time(d, now: now) }
        switch record.status {
        case .queued:
            let text = "Queued since \(t(record.createdAt)), not started yet"
                + (gatewayPaused ? "; the gateway is paused (gw gateway resume)." : "; it starts when the gateway picks it up.")
            return ([.init(kind: "queued", at: record.createdAt, text: text, data: ["gatewayPaused": .bool(gatewayPaused)])], text)
        case .running:
            let running = record.steps.filter { $0.status == "running" }
            let facts = running.map { s in
                RunExplanation.Fact(kind: "running", stepId: s.id, at: s.startedAt,
                                    text: "Step \(s.id) is running (attempt \(s.attempt)) since \(s.startedAt.map(t) ?? "?").",
                                    data: ["attempt": .number(Double(s.attempt))])
            }
            let since = record.startedAt.map { " since \(t($0))" } ?? ""
            let what = running.last.map { ": step \($0.id) (attempt \($0.attempt))" } ?? ""
            return (facts, "Running\(since)\(what).")
        case .waiting:
            let facts = record.waitingOn.map { waitingFact($0, recorded: walk.waits[$0.stepId] ?? [:]) }
            return (facts, facts.map(\.text).joined(separator: " "))
        case .failed:
            return failed(walk)
        case .cancelled:
            let who = walk.cancelledBy.map { " by \($0)" } ?? ""
            let at = record.finishedAt.map { " at \(t($0))" } ?? ""
            let open = record.steps.filter { $0.status == "cancelled" }.map(\.id)
            let during = open.isEmpty ? "" : " while \(ExplainWords.steps(open)) \(open.count == 1 ? "was" : "were") unfinished"
            let text = "Cancelled\(who)\(at)\(during)."
            return ([.init(kind: "cancelled", at: record.finishedAt, text: text, data: ["actor": walk.cancelledBy.map { .string($0) } ?? .null])], text)
        case .completed:
            let ms = record.finishedAt.flatMap { end in record.startedAt.map { end.timeIntervalSince($0) * 1000 } } ?? 0
            let top = record.steps.filter { $0.key == $0.id }
            let ran = top.filter { $0.status == "completed" && !walk.reused.contains($0.id) }.count
            var parts = ["\(ran) step\(ran == 1 ? "" : "s") ran"]
            if !walk.reused.isEmpty { parts.append("\(walk.reused.count) reused from run \(record.retryOf?.runId ?? "?")") }
            let at = record.finishedAt.map { " at \(t($0))" } ?? ""
            let text = "Completed\(at) in \(ExplainWords.duration(ms: ms)): \(parts.joined(separator: ", "))."
            return ([.init(kind: "completed", at: record.finishedAt, text: text, data: ["durationMs": .number(ms.rounded())])], text)
        }
    }

    /// What one waiting entry waits for, who decides, and when and how it ends by itself.
    func waitingFact(_ w: WaitingOn, recorded: [String: JSONValue]) -> RunExplanation.Fact {
        let since = ExplainWords.time(w.since, now: now)
        let expires = w.expiresAt ?? recorded["expiresAt"]?.stringValue.flatMap(Timestamp.parse)
        let onTimeout = recorded["onTimeout"]?.stringValue
        var data: [String: JSONValue] = ["kind": .string(w.kind), "since": .string(Timestamp.format(w.since))]
        if let expires { data["expiresAt"] = .string(Timestamp.format(expires)) }
        if let onTimeout { data["onTimeout"] = .string(onTimeout) }
        if let message = w.message ?? recorded["message"]?.stringValue { data["message"] = .string(message) }
        let deadline = expires.map { ExplainWords.time($0, now: now) }
        let text: String
        switch w.kind {
        case "approval":
            let approvers = w.approvers ?? recorded["approvers"]?.arrayValue?.compactMap(\.stringValue) ?? []
            data["approvers"] = .array(approvers.map { .string($0) })
            let who = approvers.isEmpty ? "anyone with operate" : approvers.joined(separator: ", ")
            let then: String
            switch (deadline, onTimeout) {
            case (nil, _): then = "no deadline"
            case (let d?, "approve"): then = "approves itself at \(d) (onTimeout: approve)"
            case (let d?, "fail"): then = "fails at \(d) (onTimeout: fail)"
            case (let d?, let o): then = "denies itself at \(d) (onTimeout: \(o ?? "deny"))"
            }
            text = "Waiting since \(since) for approval at step \(w.stepId) (approvers: \(who)); \(then)."
        case "wait":
            let then = deadline.map { d in onTimeout == "continue" ? "goes on without an answer at \(d) (onTimeout: continue)"
                : "fails at \(d) (onTimeout: \(onTimeout ?? "fail"))" } ?? "no deadline"
            text = "Waiting since \(since) at step \(w.stepId) for someone to resume it (gw runs resume); \(then)."
        case "sleep":
            text = "Sleeping at step \(w.stepId) since \(since); wakes up at \(deadline ?? "?")."
        case "breakpoint":
            let stepping = recorded["stepping"] == .bool(true)
            data["stepping"] = .bool(stepping)
            text = "Stopped \(stepping ? "(step by step) " : "at a breakpoint ")before step \(w.stepId) since \(since); "
                + "nothing runs until it is released (gw debug release)."
        default:
            text = "Waiting since \(since) at step \(w.stepId) (\(w.kind))."
        }
        return .init(kind: "waiting", stepId: w.stepId, at: w.since, text: text, data: .object(data))
    }

    /// The failed step, its error and how many attempts it had.
    private func failed(_ walk: Walk) -> ([RunExplanation.Fact], String) {
        let error = record.error ?? RunFailure(code: "unknown", message: "no error recorded")
        var data: [String: JSONValue] = ["code": .string(error.code), "message": .string(error.message)]
        let text: String
        if let stepId = error.stepId {
            let attempts = record.steps.last { $0.id == stepId && $0.status == "failed" }?.attempt ?? (walk.retried[stepId]?.count ?? 0) + 1
            data["attempts"] = .number(Double(attempts))
            let tries = attempts > 1 ? " after \(attempts) attempts" : ""
            text = "Failed at step \(stepId)\(tries) (\(error.message))."
        } else {
            text = "Failed (\(error.code): \(error.message))."
        }
        return ([.init(kind: "failed", stepId: error.stepId, at: record.finishedAt, text: text, data: .object(data))], text)
    }

    /// The headline, then the `if` conditions that skipped steps (grouped by expression), then the retries.
    func summary(_ headline: String, walk: Walk) -> String {
        var sentences = [headline]
        var groups: [(condition: JSONValue, steps: [String])] = []
        for (step, condition) in walk.skipped {
            if let i = groups.firstIndex(where: { $0.condition == condition }) {
                groups[i].steps.append(step)
            } else {
                groups.append((condition, [step]))
            }
        }
        for group in groups {
            let verb = group.steps.count == 1 ? "was" : "were"
            sentences.append("\(ExplainWords.steps(group.steps).capitalizedFirst) \(verb) skipped because \(ExplainWords.condition(group.condition)).")
        }
        if let link = record.retryOf, !walk.reused.isEmpty {
            sentences.append("Retry of run \(link.runId) from step \(link.fromStep).")
        }
        if let last = record.retries.last { sentences.append("Retried as run \(last).") }
        return sentences.joined(separator: " ")
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
