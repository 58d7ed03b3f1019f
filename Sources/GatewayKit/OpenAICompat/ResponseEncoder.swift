import Foundation

/// Responses API answers for a run: the `response` object (`output[].content[].type = "output_text"`)
/// and its streaming events, from `response.created` through `response.output_text.delta` to
/// `response.completed` (or `response.failed`), each numbered by `sequence_number`.
struct ResponseEncoder: OpenAIStreamEncoder {
    let id: String
    let messageId: String
    let model: String
    let created: JSONValue
    private var sequence = 0
    private var text = ""

    /// An encoder for the run `runId` answering as `model`.
    init(runId: String, model: String, created: Date) {
        self.id = "resp_\(runId)"
        self.messageId = "msg_\(runId)"
        self.model = model
        self.created = OpenAIRunResult.epoch(created)
    }

    /// The `response` object: `in_progress` while running, else `completed` with the run's content and usage.
    func response(_ record: RunRecord?, status: String) -> JSONValue {
        var output: [JSONValue] = []
        var usage: JSONValue = .null
        if let record {
            output = [message(OpenAIRunResult.content(record.output), status: "completed")]
            usage = OpenAIUsage(record: record).responsesJSON
        }
        return ["id": .string(id), "object": "response", "created_at": created, "status": .string(status),
                "model": .string(model), "output": .array(output), "usage": usage, "error": nil,
                "incomplete_details": nil, "instructions": nil, "metadata": [:], "parallel_tool_calls": false,
                "temperature": nil, "top_p": nil, "tool_choice": "auto", "tools": [], "text": ["format": ["type": "text"]]]
    }

    private func message(_ text: String, status: String) -> JSONValue {
        ["type": "message", "id": .string(messageId), "status": .string(status), "role": "assistant",
         "content": [part(text)]]
    }

    private func part(_ text: String) -> JSONValue { ["type": "output_text", "text": .string(text), "annotations": []] }

    // MARK: - Stream

    mutating func opening() -> String {
        let inProgress = response(nil, status: "in_progress")
        return event("response.created", ["response": inProgress])
            + event("response.in_progress", ["response": inProgress])
            + event("response.output_item.added", ["output_index": 0, "item": message("", status: "in_progress")])
            + event("response.content_part.added", ["item_id": .string(messageId), "output_index": 0, "content_index": 0,
                                                    "part": part("")])
    }

    mutating func delta(_ text: String) -> String {
        self.text += text
        return event("response.output_text.delta", ["item_id": .string(messageId), "output_index": 0, "content_index": 0,
                                                    "delta": .string(text), "logprobs": []])
    }

    mutating func closing(_ record: RunRecord) -> String {
        let place: JSONValue = ["item_id": .string(messageId), "output_index": 0, "content_index": 0]
        return event("response.output_text.done", place.merging(["text": .string(text), "logprobs": []]))
            + event("response.content_part.done", place.merging(["part": part(text)]))
            + event("response.output_item.done", ["output_index": 0, "item": message(text, status: "completed")])
            + event("response.completed", ["response": response(record, status: "completed")])
    }

    mutating func failed(_ error: GatewayError) -> String {
        var failed = response(nil, status: "failed").objectValue ?? [:]
        failed["error"] = ["code": .string(error.code.rawValue), "message": .string(error.message)]
        return event("response.failed", ["response": .object(failed)])
    }

    private mutating func event(_ type: String, _ fields: JSONValue) -> String {
        var object = fields.objectValue ?? [:]
        object["type"] = .string(type)
        object["sequence_number"] = .number(Double(sequence))
        sequence += 1
        return "event: \(type)\ndata: \(JSONValue.object(object).jsonString)\n\n"
    }
}

extension JSONValue {
    /// This object with `other`'s members added (other wins).
    fileprivate func merging(_ other: JSONValue) -> JSONValue {
        .object((objectValue ?? [:]).merging(other.objectValue ?? [:]) { _, new in new })
    }
}
