import OpenAPIRuntime

extension Components.Schemas.PipelineSummary {
    init(pipeline: Pipeline) {
        self.init(id: pipeline.id, description: pipeline.description, version: pipeline.version,
                  steps: pipeline.steps.count, triggers: pipeline.triggers.count, openai: pipeline.openai)
    }
}

extension Components.Schemas.PipelineDetail {
    /// - Parameter fires: the triggers as the scheduler shows them (last fire, last run), by id.
    init(pipeline: Pipeline, fires: [String: Scheduler.TriggerView] = [:]) throws {
        self.init(id: pipeline.id, description: pipeline.description, version: pipeline.version,
                  input: try pipeline.inputSchema.map(OpenAPIValueContainer.init(json:)),
                  timeout: pipeline.timeout.map(DurationParser.format),
                  steps: pipeline.steps.map(Components.Schemas.StepDefinition.init(step:)),
                  triggers: try pipeline.triggers.map {
                      try Components.Schemas.Trigger(trigger: $0, pipelineId: pipeline.id, fire: fires[$0.id])
                  },
                  openai: pipeline.openai, source: pipeline.source)
    }
}

extension Components.Schemas.StepDefinition {
    init(step: StepDefinition) {
        self.init(id: step.id, kind: step.kind, _if: step.condition?.text, timeout: step.timeout.map(DurationParser.format),
                  steps: step.children.isEmpty ? nil : step.children.map(Self.init(step:)))
    }
}

extension Components.Schemas.Trigger {
    init(trigger: TriggerDefinition, pipelineId: String, fire: Scheduler.TriggerView?) throws {
        self.init(id: trigger.id, pipelineId: pipelineId, kind: trigger.kind,
                  cron: trigger.fields["cron"]?.stringValue, every: trigger.fields["every"]?.stringValue,
                  at: trigger.fields["at"]?.stringValue, timezone: trigger.fields["timezone"]?.stringValue,
                  path: trigger.fields["path"]?.stringValue, signature: trigger.fields["signature"]?.stringValue,
                  source: "pipeline", lastFiredAt: try .init(nullable: fire?.lastFiredAt),
                  lastRunId: try .init(nullable: fire?.lastRunId))
    }
}
