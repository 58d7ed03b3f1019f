import Foundation

extension Scheduler {
    /// Handles one planned fire: skipped while the gateway is paused, else by the overlap policy.
    /// - Parameters:
    ///   - due: when the fire was due (planned time plus jitter); lateness is measured from it.
    ///   - catchingUp: a fire made up at start (not counted in the lateness histogram).
    func handleFire(_ id: String, planned: Date, due: Date, catchingUp: Bool = false) {
        guard var current = entries[id] else { return }
        current.state.lastPlannedAt = max(planned, current.state.lastPlannedAt ?? planned)
        var outcome: String?
        if runner.isPaused() {
            outcome = "skipped_paused"
        } else if startingTotal >= startLimit {
            current.state.dropped += 1
            outcome = "dropped"
        } else if current.inflight > 0 {
            switch current.definition.overlap {
            case .skip: outcome = "skipped_overlap"
            case .queue where current.state.queued < Self.queueLimit:
                current.state.queued += 1
                current.queuedFireTimes.append(planned)
                outcome = "queued"
            case .queue:
                current.state.dropped += 1
                outcome = "dropped"
            case .cancel, .allow: break
            }
        }
        if let outcome { current.state.lastOutcome = outcome }
        entries[id] = current
        guard let outcome else {
            launch(id, planned: planned, due: catchingUp ? nil : due, cancelling: current.definition.overlap == .cancel)
            return
        }
        record(id, outcome: outcome)
    }

    /// Counts an outcome and persists the schedule's state.
    func record(_ id: String, outcome: String) {
        metrics.scheduleFires(schedule: id, outcome: outcome).increment()
        if let state = entries[id]?.state { store.submitState(id, state) }
    }

    /// Starts a run for the schedule in its own task (the timer never waits on a start).
    /// - Parameters:
    ///   - planned: the nominal fire time, carried by the run as `trigger.fireAt` (nil when not known: a queued fire
    ///     from before a restart).
    ///   - due: the time the fire was due, for the lateness histogram (`nil`: not measured).
    ///   - cancelling: cancel the schedule's running runs first (`overlap: cancel`).
    func launch(_ id: String, planned: Date?, due: Date?, cancelling: Bool) {
        guard var current = entries[id] else { return }
        let toCancel = cancelling ? Array(current.running) : []
        current.starting += 1
        startingTotal += 1
        entries[id] = current
        let runner = runner
        let definition = current.definition
        let trigger = RunTrigger(kind: "schedule", id: id, actor: "scheduler", fireAt: planned.map(Timestamp.format))
        Task {
            for runId in toCancel { await runner.cancel(runId, "scheduler") }
            do {
                let result = try await runner.start(definition.pipelineId, definition.input, trigger, nil)
                self.started(id, runId: result.runId, due: due)
            } catch {
                self.failedToStart(id, error: error)
            }
        }
    }

    /// A scheduled run was committed: count it, measure lateness and watch for its end.
    func started(_ id: String, runId: String, due: Date?) {
        let now = clock.now()
        if let due { metrics.scheduleLateness.record(max(0, now.timeIntervalSince(due))) }
        startingTotal -= 1
        guard var current = entries[id] else { return }
        current.starting -= 1
        current.running.insert(runId)
        current.state.fired += 1
        current.state.lastFiredAt = now
        current.state.lastRunId = runId
        current.state.lastOutcome = "started"
        entries[id] = current
        record(id, outcome: "started")
        watch(id, runId: runId)
    }

    /// A scheduled run could not start (pipeline gone, input invalid, gateway paused or stopping).
    func failedToStart(_ id: String, error: any Error) {
        startingTotal -= 1
        guard var current = entries[id] else { return }
        current.starting -= 1
        let code = (error as? GatewayError)?.code
        let paused = code == .gatewayPaused, overloaded = code == .overloaded
        if overloaded { current.state.dropped += 1 }
        current.state.lastOutcome = paused ? "skipped_paused" : overloaded ? "dropped" : "failed"
        if !paused && !overloaded {
            current.state.lastError = (error as? GatewayError)?.message ?? "\(error)"
            current.state.lastErrorAt = clock.now()
            logger.warning("schedule \(id) could not start a run: \(current.state.lastError ?? "")")
        }
        entries[id] = current
        record(id, outcome: current.state.lastOutcome ?? "failed")
        startQueued(id)
    }

    /// Waits for the run's end in its own task, then lets a queued fire start.
    func watch(_ id: String, runId: String) {
        let runner = runner
        Task {
            await runner.awaitEnd(runId)
            await self.ended(id, runId: runId)
        }
    }

    /// A run of the schedule ended.
    func ended(_ id: String, runId: String) {
        guard entries[id] != nil else { return }
        entries[id]?.running.remove(runId)
        startQueued(id)
    }

    /// Starts one queued fire when nothing of the schedule is running.
    func startQueued(_ id: String) {
        guard let current = entries[id], current.inflight == 0, current.state.queued > 0 else { return }
        entries[id]?.state.queued -= 1
        let planned = entries[id]?.queuedFireTimes.isEmpty == false ? entries[id]?.queuedFireTimes.removeFirst() : nil
        launch(id, planned: planned, due: nil, cancelling: false)
    }
}
