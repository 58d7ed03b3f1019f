import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

/// Pipelines of the OpenAI surface tests.
enum OpenAIFixtures {
    static let echo = """
        id: echo
        openai: true
        steps:
          - { id: say, kind: set, values: { content: "you said: ${{ input.prompt }}" } }
        output: ${{ steps.say.output }}
        """
    static let broken = """
        id: broken
        openai: true
        steps:
          - { id: boom, kind: fail, message: "no luck" }
        """
    static let hidden = """
        id: hidden
        steps:
          - { id: a, kind: set, values: { v: 1 } }
        """
    static let all = ["echo.yaml": echo, "broken.yaml": broken, "hidden.yaml": hidden]
}

@Suite struct OpenAISurfaceTests {
    static let chat = #"{"model": "echo", "messages": [{"role": "system", "content": "be nice"}, {"role": "user", "content": "hi"}]}"#

    @Test func modelsListsOnlyPipelinesExposedWithOpenAITrue() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let list = try await gw.request(.GET, "/v1/models", token: "tok-read").json
            #expect(list["object"] == "list")
            #expect(list["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["broken", "echo"])
            #expect(list["data"]?.arrayValue?.first?["object"] == "model")
        }
    }

    @Test func chatCompletionIsARunWhoseOutputIsTheContent() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let response = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate", body: Self.chat)
            #expect(response.status == 200)
            let body = response.json
            #expect(body["object"] == "chat.completion")
            #expect(body["model"] == "echo")
            #expect(body["choices"]?.arrayValue?.first?["message"]?["content"] == "you said: hi")
            #expect(body["choices"]?.arrayValue?.first?["finish_reason"] == "stop")
            #expect(body["usage"] == ["prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0])
            let runId = String(body["id"]!.stringValue!.dropFirst("chatcmpl-".count))
            let run = try await gw.request(.GET, "/runs/\(runId)", token: "tok-read").json
            #expect(run["trigger"]?["kind"] == "openai")
            #expect(run["trigger"]?["actor"] == "operator")
            #expect(run["input"]?["prompt"] == "hi")
            #expect(run["input"]?["stream"] == false)
            #expect(run["input"]?["messages"]?.arrayValue?.count == 2)
        }
    }

    @Test func streamingChatSendsChunksThenUsageThenDone() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let body = #"{"model": "echo", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "user", "content": "yo"}]}"#
            let response = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate", body: body,
                                                headers: ["Accept": "application/json"])
            #expect(response.status == 200)
            #expect(response.headers.first(name: "content-type")?.hasPrefix("text/event-stream") == true)
            var parser = SSEParser()
            let data = parser.feed(Array(response.body.utf8)).map(\.data)
            #expect(data.last == "[DONE]")
            let chunks = data.dropLast().compactMap { try? JSONValue.parse(Data($0.utf8)) }
            #expect(chunks.allSatisfy { $0["object"] == "chat.completion.chunk" })
            let text = chunks.compactMap { $0["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue }.joined()
            #expect(text == "you said: yo")
            #expect(chunks.last?["choices"] == [])
            #expect(chunks.last?["usage"]?["total_tokens"] == 0)
            #expect(chunks.dropLast().last?["choices"]?.arrayValue?.first?["finish_reason"] == "stop")
        }
    }

    @Test func unknownOrUnexposedModelsAre404ModelNotFound() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            for model in ["nope", "hidden"] {
                let response = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate",
                                                    body: #"{"model": "\#(model)", "messages": [{"role": "user", "content": "x"}]}"#)
                #expect(response.status == 404)
                #expect(response.json["error"]?["code"] == "model_not_found")
                #expect(response.json["error"]?["param"] == "model")
                #expect(response.json["error"]?["type"] == "invalid_request_error")
            }
        }
    }

    @Test func aFailedRunIs500PipelineFailedNamingTheRun() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            for stream in [false, true] {
                let response = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate",
                                                    body: #"{"model": "broken", "stream": \#(stream), "messages": [{"role": "user", "content": "x"}]}"#)
                #expect(response.status == 500)
                let error = response.json["error"]
                #expect(error?["code"] == "pipeline_failed")
                #expect(error?["type"] == "server_error")
                #expect(error?["message"]?.stringValue?.contains("run ") == true)
                #expect(error?["message"]?.stringValue?.contains("no luck") == true)
            }
        }
    }

    @Test func aMissingModelOrMessagesIs400NamingTheParam() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let noModel = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate", body: #"{"messages": []}"#)
            #expect(noModel.status == 400)
            #expect(noModel.json["error"]?["param"] == "model")
            let noMessages = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate", body: #"{"model": "echo"}"#)
            #expect(noMessages.json["error"]?["param"] == "messages")
        }
    }

    @Test func readScopeMayListModelsButNotChat() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            let response = try await gw.request(.POST, "/v1/chat/completions", token: "tok-read", body: Self.chat)
            #expect(response.status == 403)
            #expect(response.json["error"]?["type"] == "permission_error")
        }
    }

    @Test func pausedGatewayRefusesWith503() async throws {
        try await TestGateway.with(pipelines: OpenAIFixtures.all) { gw in
            _ = try await gw.request(.POST, "/gateway/pause", token: "tok-admin")
            let response = try await gw.request(.POST, "/v1/chat/completions", token: "tok-operate", body: Self.chat)
            #expect(response.status == 503)
            #expect(response.json["error"]?["code"] == "gateway_paused")
        }
    }
}
