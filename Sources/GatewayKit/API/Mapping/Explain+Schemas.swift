import Foundation
import OpenAPIRuntime

extension Components.Schemas.RunExplanation {
    init(explanation e: RunExplanation) throws {
        self.init(runId: e.runId, status: e.status.rawValue, summary: e.summary, facts: try e.facts.map {
            Components.Schemas.ExplainFact(kind: $0.kind, stepId: $0.stepId, at: $0.at.map(Timestamp.format), text: $0.text,
                                           data: try OpenAPIValueContainer(json: $0.data))
        })
    }
}
