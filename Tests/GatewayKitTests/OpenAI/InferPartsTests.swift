import Foundation
import NIOHTTP1
import Testing
@testable import GatewayKit

@Suite struct InferPartsTests {
    @Test func sseParserJoinsDataLinesAcrossChunksAndDropsComments() {
        var parser = SSEParser()
        #expect(parser.feed(Array(": keep-alive\n\nevent: a\ndata: one\r\nda".utf8)).isEmpty)
        var more = parser.feed(Array("ta: two\n\ndata: [DONE]".utf8))
        #expect(more == [SSEParser.Event(name: "a", data: "one\ntwo")])
        more = parser.finish().map { [$0] } ?? []
        #expect(more == [SSEParser.Event(name: nil, data: "[DONE]")])
    }

    @Test func retryAfterReadsMillisecondsSecondsAndDates() {
        #expect(BackendCall.retryAfter(HTTPHeaders([("retry-after-ms", "150")])) == 0.15)
        #expect(BackendCall.retryAfter(HTTPHeaders([("Retry-After", "2")])) == 2)
        #expect(BackendCall.retryAfter(HTTPHeaders([("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")])) == 0)
        #expect(BackendCall.retryAfter(HTTPHeaders()) == nil)
    }

    @Test func jsonRepliesMayBeFencedAndAreValidatedAgainstTheSchema() throws {
        let fenced = BackendReply(text: "```json\n{\"n\": 2}\n```", usage: ["prompt_tokens": 1, "completion_tokens": 2])
        let output = try InferReply.output(fenced, json: true, stepId: "s")
        #expect(output["json"] == ["n": 2])
        #expect(output["usage"] == ["prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3])
        let schema: JSONValue = ["type": "object", "required": ["name"]]
        #expect(throws: StepFailure.self) { try InferReply.output(fenced, json: schema, stepId: "s") }
        #expect(throws: StepFailure.self) { try InferReply.output(BackendReply(text: "nope"), json: true, stepId: "s") }
    }

    @Test func requestPutsSystemFirstAndReadsTheKeyFromTheEnvironment() throws {
        let backends = ["local": GatewayConfig.Backend(baseURL: "http://h/v1/", apiKeyEnv: "KEY", model: "m")]
        let request = try InferRequest.resolve(["prompt": "hi", "system": "sys", "maxTokens": 5, "json": true],
                                               backends: backends, environment: ["KEY": "sk-1"], stepId: "s")
        #expect(request.url == "http://h/v1/chat/completions")
        #expect(request.apiKey == "sk-1")
        #expect(request.body["messages"] == [["role": "system", "content": "sys"], ["role": "user", "content": "hi"]])
        #expect(request.body["max_tokens"] == 5)
        #expect(request.body["response_format"] == ["type": "json_object"])
        #expect(throws: StepFailure.self) {
            try InferRequest.resolve(["prompt": "hi"], backends: backends, environment: [:], stepId: "s")
        }
    }
}
