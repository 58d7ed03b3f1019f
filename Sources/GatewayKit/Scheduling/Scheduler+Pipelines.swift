import Foundation

extension Scheduler {
    /// Loads stored schedules, follows the pipeline files, and makes up what each schedule missed
    /// while the gateway was down, by its `catchup` policy.
    func load() throws {
        let now = clock.now()
        for stored in try store.schedules() {
            do {
                let definition = try ScheduleDefinition(id: stored.id, pipelineId: stored.pipelineId, source: stored.source,
                                                        fields: stored.fields, createdAt: stored.createdAt, now: now,
                                                        allowPastAt: true)
                entries[stored.id] = Entry(definition: definition, state: stored.state)
            } catch {
                logger.error("stored schedule \(stored.id) is unusable and is ignored: \(error)")
            }
        }
        triggerFires = try store.triggerFires()
        syncPipelines(pipelines(), now: now)
        for id in entries.keys.sorted() where entries[id]?.state.paused == false {
            catchUp(id, now: now)
            arm(id, after: now)
        }
    }

    /// Fires what the schedule missed between its last handled fire and `now`.
    func catchUp(_ id: String, now: Date) {
        guard let current = entries[id] else { return }
        let from = current.state.lastPlannedAt ?? current.definition.createdAt
        let missed = current.definition.missedFires(from: from, to: now)
        if !missed.isEmpty { logger.notice("schedule \(id): catching up \(missed.count) missed fire(s)") }
        for planned in missed { handleFire(id, planned: planned, due: planned, catchingUp: true) }
        if missed.isEmpty, entries[id]?.state.lastPlannedAt != nil { entries[id]?.state.lastPlannedAt = now }
    }

    /// Makes the `source: pipeline` schedules match the triggers declared in `set`: new ones are added (from
    /// now on), changed ones re-armed with their state kept, and ones no longer declared removed.
    func syncPipelines(_ set: PipelineSet, now: Date) {
        var declared: [String: (pipelineId: String, fields: [String: JSONValue])] = [:]
        for pipeline in set.pipelines.values {
            for trigger in pipeline.triggers where trigger.kind == "schedule" {
                declared[trigger.id] = (pipeline.id, trigger.fields.filter { $0.key != "id" && $0.key != "kind" })
            }
        }
        for (id, current) in entries where current.definition.source == "pipeline" && declared[id] == nil {
            entries[id] = nil
            store.submitDelete(id)
        }
        for (id, declaration) in declared.sorted(by: { $0.key < $1.key }) {
            let existing = entries[id]
            let definition: ScheduleDefinition
            do {
                definition = try ScheduleDefinition(
                    id: id, pipelineId: declaration.pipelineId, source: "pipeline", fields: declaration.fields,
                    createdAt: existing?.definition.createdAt ?? now, now: now, allowPastAt: true)
            } catch {
                logger.error("schedule trigger \(id) of pipeline \(declaration.pipelineId) is not scheduled: \(error)")
                continue
            }
            if let existing, existing.definition.source == "pipeline", existing.definition.sameFields(as: definition) {
                continue
            }
            var entry = existing.map { Entry(definition: definition, state: $0.state, running: $0.running,
                                             starting: $0.starting, generation: $0.generation) }
                ?? Entry(definition: definition, state: ScheduleState())
            if existing?.definition.source != "pipeline" { entry.state = ScheduleState() }
            if entry.state.lastPlannedAt == nil || loaded { entry.state.lastPlannedAt = now }
            entries[id] = entry
            store.submitSave(definition, state: entry.state)
            if loaded { arm(id, after: now) }
        }
    }
}
