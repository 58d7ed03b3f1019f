package import Foundation

extension Scheduler {
    /// What `POST /schedules` asks for.
    package struct AddRequest: Sendable {
        package var id: String?
        package var pipelineId: String
        package var fields: [String: JSONValue]

        package init(id: String?, pipelineId: String, fields: [String: JSONValue]) {
            self.id = id
            self.pipelineId = pipelineId
            self.fields = fields
        }
    }

    /// The form of schedule ids.
    static let idPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"

    /// Adds a schedule made over the API, committed before it is returned.
    /// - Throws: `GatewayError` 404 (pipeline), 409 `already_exists`, 422 `invalid_input`.
    package func add(_ request: AddRequest) async throws -> ScheduleSnapshot {
        try refresh()
        guard pipelines().pipelines[request.pipelineId] != nil else {
            throw GatewayError.notFound("pipeline '\(request.pipelineId)'")
        }
        let id = request.id ?? "\(request.pipelineId)-\(UUID().uuidString.prefix(8).lowercased())"
        guard id.range(of: Self.idPattern, options: .regularExpression) != nil, id.count <= 128 else {
            throw GatewayError(.invalidInput, "schedule id '\(id)' must match [A-Za-z0-9][A-Za-z0-9._-]* (at most 128)")
        }
        let triggerIds = Set(pipelines().pipelines.values.flatMap { $0.triggers.map(\.id) })
        guard entries[id] == nil, !triggerIds.contains(id) else {
            throw GatewayError(.alreadyExists, "a schedule or trigger with id '\(id)' already exists")
        }
        let now = clock.now()
        let definition = try ScheduleDefinition(id: id, pipelineId: request.pipelineId, source: "api",
                                                fields: request.fields, createdAt: now, now: now)
        var state = ScheduleState()
        state.lastPlannedAt = now
        entries[id] = Entry(definition: definition, state: state)
        do {
            try await store.save(definition, state: state)
        } catch {
            entries[id] = nil
            throw error
        }
        arm(id, after: now)
        return try entry(id).snapshot
    }

    /// Removes a schedule made over the API (its running runs go on).
    /// - Throws: `GatewayError` 404, 409 `declared_in_pipeline`.
    package func remove(_ id: String) async throws {
        try refresh()
        let current = try entry(id)
        guard current.definition.source == "api" else {
            throw GatewayError(.declaredInPipeline,
                               "schedule '\(id)' is declared in pipeline '\(current.definition.pipelineId)'; edit the file and reload")
        }
        try await store.delete(id)
        entries[id] = nil
    }

    /// Pauses or resumes a schedule. A resumed schedule fires from now on; what it missed is not made up.
    /// - Throws: `GatewayError` 404.
    package func setPaused(_ id: String, _ paused: Bool) async throws -> ScheduleSnapshot {
        try refresh()
        let current = try entry(id)
        guard current.state.paused != paused else { return current.snapshot }
        let now = clock.now()
        entries[id]?.state.paused = paused
        if !paused { entries[id]?.state.lastPlannedAt = now }
        arm(id, after: now)
        let updated = try entry(id)
        try await store.save(updated.definition, state: updated.state)
        return try entry(id).snapshot
    }

    /// Arms the schedule's next fire after `instant` (none while it is paused or once it is over).
    func arm(_ id: String, after instant: Date) {
        guard var current = entries[id] else { return }
        current.generation += 1
        current.nextDue = nil
        if !current.state.paused, let fire = current.definition.nextFire(after: instant) {
            let due = fire.at.addingTimeInterval(current.definition.jitterDelay(for: fire.at))
            current.nextDue = due
            heap.push(.init(due: due, planned: fire.at, scheduleId: id, generation: current.generation))
            if heap.first?.scheduleId == id { wakeup.signal() }
        }
        entries[id] = current
    }
}
