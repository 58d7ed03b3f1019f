import Foundation

/// Token counts of a run: the sum of its `infer` steps' `output.usage` (zeros when it has none).
struct OpenAIUsage: Sendable, Hashable {
    var promptTokens = 0
    var completionTokens = 0

    /// Prompt plus completion tokens.
    var totalTokens: Int { promptTokens + completionTokens }

    /// Chat Completions' `usage` object.
    var chatJSON: JSONValue {
        ["prompt_tokens": .number(Double(promptTokens)), "completion_tokens": .number(Double(completionTokens)),
         "total_tokens": .number(Double(totalTokens))]
    }

    /// The Responses API's `usage` object.
    var responsesJSON: JSONValue {
        ["input_tokens": .number(Double(promptTokens)), "output_tokens": .number(Double(completionTokens)),
         "total_tokens": .number(Double(totalTokens)), "input_tokens_details": ["cached_tokens": 0],
         "output_tokens_details": ["reasoning_tokens": 0]]
    }

    /// The summed usage of every completed `infer` step of `record`, nested ones included.
    init(record: RunRecord) {
        for step in record.steps where step.kind == "infer" {
            guard let usage = step.output?["usage"] else { continue }
            promptTokens += Int(usage["prompt_tokens"]?.numberValue ?? 0)
            completionTokens += Int(usage["completion_tokens"]?.numberValue ?? 0)
        }
    }

    init() {}
}

/// What a finished run answers on the OpenAI surface.
enum OpenAIRunResult {
    /// The reply's content (DESIGN §6): the run output when it is a string, else its `content` or
    /// `text` field, else its JSON ("" for no output).
    static func content(_ output: JSONValue?) -> String {
        switch output {
        case nil, .null?: return ""
        case .string(let s)?: return s
        case let value?:
            for key in ["content", "text"] {
                if let field = value[key] { return field.stringValue ?? field.jsonString }
            }
            return value.jsonString
        }
    }

    /// The error for a run that did not complete: 500 `pipeline_failed` naming the run.
    static func failure(_ record: RunRecord) -> GatewayError {
        let step = record.error?.stepId.map { " at step '\($0)'" } ?? ""
        let why = record.error.map { ": \($0.message)" } ?? ""
        return GatewayError(.pipelineFailed, "run \(record.runId) of '\(record.pipelineId)' \(record.status.rawValue)\(step)\(why)",
                            details: ["runId": .string(record.runId)])
    }

    /// Seconds since 1970 of `date`, as OpenAI's `created` fields use.
    static func epoch(_ date: Date) -> JSONValue { .number(Double(Int(date.timeIntervalSince1970))) }
}
