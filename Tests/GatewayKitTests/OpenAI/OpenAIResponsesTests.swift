import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct OpenAIResponsesTests {
    @Test func responseCarriesOutputTextAndUsage() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let body = #"{"model": "echo", "instructions": "be brief", "input": "ping"}"#
            let response = try await gw.request(.POST, "/v1/responses", token: "tok-operate", body: body)
            #expect(response.status == 200)
            let object = response.json
            #expect(object["object"] == "response")
            #expect(object["status"] == "completed")
            let content = object["output"]?.arrayValue?.first?["content"]?.arrayValue?.first
            #expect(content?["type"] == "output_text")
            #expect(content?["text"] == "you said: ping")
            #expect(object["usage"]?["input_tokens"] == 0)
            let runId = String(object["id"]!.stringValue!.dropFirst("resp_".count))
            let run = try await gw.request(.GET, "/runs/\(runId)", token: "tok-read").json
            #expect(run["input"]?["messages"]?.arrayValue?.first == ["role": "system", "content": "be brief"])
        }
    }

    @Test func streamedResponseEventsRunFromCreatedToCompleted() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let body = #"{"model": "echo", "stream": true, "input": [{"role": "user", "content": [{"type": "input_text", "text": "hey"}]}]}"#
            let response = try await gw.request(.POST, "/v1/responses", token: "tok-operate", body: body)
            var parser = SSEParser()
            let events = parser.feed(Array(response.body.utf8))
            let names = events.compactMap(\.name)
            #expect(names.first == "response.created")
            #expect(names.last == "response.completed")
            #expect(names.contains("response.output_text.delta"))
            let parsed = events.compactMap { try? JSONValue.parse(Data($0.data.utf8)) }
            #expect(parsed.map { $0["sequence_number"]?.numberValue ?? -1 } == parsed.indices.map(Double.init))
            let deltas = parsed.filter { $0["type"] == "response.output_text.delta" }.compactMap { $0["delta"]?.stringValue }
            #expect(deltas.joined() == "you said: hey")
        }
    }

    @Test func openAIObjectsConvertWithoutLosingTypes() throws {
        let value: JSONValue = ["b": true, "i": 3, "d": 0.5, "s": "x", "n": nil, "a": [1, "two", ["k": false]]]
        let object = try Components.Schemas.OpenAIObject(json: value)
        #expect(object.json == value)
        let decoded = try JSONDecoder().decode(Components.Schemas.OpenAIObject.self, from: value.jsonData())
        #expect(decoded.json == value)
    }

    @Test func replyContentFollowsTheRule() {
        #expect(OpenAIRunResult.content("plain") == "plain")
        #expect(OpenAIRunResult.content(["content": "c", "text": "t"]) == "c")
        #expect(OpenAIRunResult.content(["text": "t"]) == "t")
        #expect(OpenAIRunResult.content(["a": 1]) == #"{"a":1}"#)
        #expect(OpenAIRunResult.content(nil) == "")
        #expect(OpenAIRunResult.content(.null) == "")
    }

    @Test func usageSumsInferSteps() {
        let step = { (usage: JSONValue) in
            StepRecord(key: "k", id: "i", kind: "infer", status: "completed", attempt: 1, startedAt: nil, finishedAt: nil,
                       output: ["text": "x", "usage": usage], error: nil, wakeAt: nil)
        }
        var record = RunRecord(runId: "r", pipelineId: "p", pipelineVersion: "v", status: .completed, input: [:], output: nil,
                               error: nil, trigger: RunTrigger(kind: "openai"), parentRunId: nil, idempotencyKey: nil,
                               createdAt: Date(), startedAt: nil, finishedAt: nil, waitingOn: [], steps: [])
        record.steps = [step(["prompt_tokens": 3, "completion_tokens": 5]), step(["prompt_tokens": 1, "completion_tokens": 2])]
        let usage = OpenAIUsage(record: record)
        #expect(usage.chatJSON == ["prompt_tokens": 4, "completion_tokens": 7, "total_tokens": 11])
    }
}
