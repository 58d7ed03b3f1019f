import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct StepKindsTests {
    @Test func execStreamsLogLinesAndKeepsOutput() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let run = try await gw.run("execs", #"{"who": "there"}"#).json
            #expect(run["status"] == "completed")
            let steps = run["steps"]?.arrayValue ?? []
            #expect(steps.first?["output"]?["stdout"] == "hi there\n")
            #expect(steps.last?["output"]?["stderr"] == "err\n")
            let logs = try await gw.events(run["runId"]!.stringValue!).filter { $0["type"] == "step.log" }
            #expect(logs.map { $0["data"] ?? .null }.contains(["stream": "stderr", "line": "err"]))
            #expect(logs.map { $0["data"] ?? .null }.contains(["stream": "stdout", "line": "hi there"]))
        }
    }

    @Test func retriesCountTriesAndTheRunFailsNamingTheStep() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let run = try await gw.run("failing").json
            #expect(run["status"] == "failed")
            #expect(run["error"]?["stepId"] == "boom")
            #expect(run["steps"]?.arrayValue?.first?["attempt"] == 3)
            let events = try await gw.events(run["runId"]!.stringValue!)
            #expect(events.filter { $0["type"] == "step.retrying" }.count == 2)
            #expect(events.last?["type"] == "run.failed")
        }
    }

    @Test func aStepTimeoutFailsTheStep() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let clock = ContinuousClock.now
            let run = try await gw.run("timeouts").json
            #expect(run["status"] == "failed")
            #expect(run["error"]?["code"] == "timeout")
            #expect(ContinuousClock.now - clock < .seconds(4))
        }
    }

    @Test func parallelForeachAndInvokeCompose() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let run = try await gw.run("flows", #"{"items": ["a", "b"]}"#).json
            #expect(run["status"] == "completed", "\(run)")
            #expect(run["output"]?["both"] == ["left": ["v": 1], "right": ["v": 2]])
            #expect(run["output"]?["each"] == [["v": "a-0"], ["v": "b-1"]])
            #expect(run["output"]?["child"] == "hello from-flows!")
            let children = try await gw.request(.GET, "/runs?pipelineId=three", token: "tok-read").json["runs"]?.arrayValue ?? []
            #expect(children.first?["parentRunId"] == run["runId"])
            #expect(children.first?["trigger"]?["kind"] == "invoke")
        }
    }

    @Test func foreachOverANonArrayFailsWithAMessage() async throws {
        try await TestGateway.with(pipelines: EngineFixtures.all) { gw in
            let run = try await gw.run("flows", #"{"items": 5}"#).json
            #expect(run["status"] == "failed")
            #expect(run["error"]?["message"]?.stringValue?.contains("must be an array, got a number") == true)
        }
    }
}
