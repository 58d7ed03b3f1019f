import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct RetryTests {
    /// A failed 3-step run, its scratch folder and the gateway.
    private func failedRun(_ gw: TestGateway) async throws -> (runId: String, dir: String) {
        let dir = TestGateway.makeTemporaryDirectory()
        let run = try await gw.run("three-steps", "{\"dir\": \"\(dir)\"}")
        #expect(run.json["status"] == "failed")
        #expect(run.json["error"]?["stepId"] == "third")
        return (run.json["runId"]?.stringValue ?? "", dir)
    }

    @Test func aFailedRunRetriesFromItsFailedStepWithoutRunningTheEarlierOnesAgain() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let (original, dir) = try await failedRun(gw)
            FileManager.default.createFile(atPath: dir + "/fixed", contents: nil)
            let response = try await gw.retry(original, #"{"reason": "fixed the disk"}"#)
            #expect(response.status == 202)
            let retryId = try #require(response.json["runId"]?.stringValue)
            #expect(retryId != original)
            #expect(response.headers["Location"].first == "/runs/\(retryId)")
            let retry = try await gw.finished(retryId)
            #expect(retry["status"] == "completed")
            #expect(retry["retryOf"] == ["runId": .string(original), "fromStep": "third"])
            #expect(retry["retries"] == [])
            #expect(executions(dir, "first") == 1)
            #expect(executions(dir, "second") == 1)
            #expect(executions(dir, "third") == 2)
            // The reused outputs are the original's, and the pipeline output reads them.
            let before = try await gw.request(.GET, "/runs/\(original)", token: "tok-read").json
            #expect(retry["steps"]?.element(0)?["output"] == before["steps"]?.element(0)?["output"])
            #expect(retry["output"] == "first-v1\n")
            #expect(retry["steps"]?.arrayValue?.map { $0["status"] } == ["completed", "completed", "completed"])
            #expect(before["retries"] == [.string(retryId)])
            #expect(before["status"] == "failed")
            let types = try await gw.events(retryId).map { "\($0["type"]?.stringValue ?? "") \($0["stepId"]?.stringValue ?? "")" }
            #expect(Array(types.prefix(5)) == ["run.queued ", "run.started ", "step.skipped first", "step.skipped second", "step.started third"])
            let skipped = try await gw.events(retryId).first { $0["type"] == "step.skipped" }
            #expect(skipped?["data"]?["reused"] == true)
            #expect(skipped?["data"]?["fromRunId"] == .string(original))
            let audit = try await gw.request(.GET, "/audit?action=run.retry", token: "tok-admin").json["entries"]?.arrayValue ?? []
            #expect(audit.first?["target"] == .string(original))
            #expect(audit.first?["reason"] == "fixed the disk")
        }
    }

    @Test func anExplicitEarlierStepAndANewInputRunAgainFromThere() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let (original, dir) = try await failedRun(gw)
            FileManager.default.createFile(atPath: dir + "/fixed", contents: nil)
            let fromSecond = try await gw.finished(try #require(gw.retry(original, #"{"fromStep": "second"}"#).json["runId"]?.stringValue))
            #expect(fromSecond["status"] == "completed")
            #expect(fromSecond["retryOf"]?["fromStep"] == "second")
            #expect((executions(dir, "first"), executions(dir, "second"), executions(dir, "third")) == (1, 2, 2))
            let body = "{\"fromStep\": \"first\", \"input\": {\"dir\": \"\(dir)\", \"tag\": \"v2\"}}"
            let withInput = try await gw.finished(try #require(gw.retry(original, body).json["runId"]?.stringValue))
            #expect(withInput["output"] == "first-v2\n")
            #expect(withInput["input"]?["tag"] == "v2")
            #expect(executions(dir, "first") == 2)
            let bad = try await gw.retry(original, #"{"input": {"dir": 5}}"#)
            #expect(bad.status == 422)
            #expect(bad.errorCode == "invalid_input")
            let original2 = try await gw.request(.GET, "/runs/\(original)", token: "tok-read").json
            #expect(original2["retries"]?.arrayValue?.count == 2)
        }
    }

    @Test func currentRunsTheFixedPipelineFileWhileTheDefaultKeepsTheOriginalVersion() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let (original, dir) = try await failedRun(gw)
            try RetryFixtures.threeSteps(thirdFails: false).write(toFile: gw.directory + "/pipelines/three.yaml", atomically: true, encoding: .utf8)
            #expect(try await gw.request(.POST, "/gateway/reload", token: "tok-admin").status == 200)
            let pinned = try await gw.finished(try #require(gw.retry(original).json["runId"]?.stringValue))
            #expect(pinned["status"] == "failed")
            let before = try await gw.request(.GET, "/runs/\(original)", token: "tok-read").json
            #expect(pinned["pipelineVersion"] == before["pipelineVersion"])
            let current = try await gw.finished(try #require(gw.retry(original, query: "?version=current").json["runId"]?.stringValue))
            #expect(current["status"] == "completed")
            #expect(current["pipelineVersion"] != before["pipelineVersion"])
            #expect(executions(dir, "first") == 1)
            #expect(try await gw.retry(original, query: "?version=newest").status == 400)
        }
    }

    @Test func aCancelledRunRetriesFromTheStepThatWasCancelled() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let runId = try await gw.start("cancellable")
            _ = try await gw.waitForRun(runId) { $0["steps"]?.arrayValue?.count == 2 }
            let running = try await gw.retry(runId)
            #expect(running.status == 409)
            #expect(running.errorCode == "not_terminal")
            #expect(try await gw.request(.DELETE, "/runs/\(runId)", token: "tok-operate").status == 200)
            let retry = try await gw.finished(try #require(gw.retry(runId, #"{"input": {"secs": "0"}}"#).json["runId"]?.stringValue))
            #expect(retry["status"] == "completed")
            #expect(retry["retryOf"]?["fromStep"] == "hold")
            #expect(retry["steps"]?.element(2)?["output"] == ["was": true])
        }
    }

    @Test func badStepsConflictsScopeIdempotencyAndPause() async throws {
        try await TestGateway.with(pipelines: RetryFixtures.all) { gw in
            let (original, dir) = try await failedRun(gw)
            let unknown = try await gw.retry(original, #"{"fromStep": "nope"}"#)
            #expect(unknown.status == 422)
            #expect(unknown.errorCode == "invalid_input")
            #expect(unknown.json["error"]?["message"]?.stringValue?.contains("first, second, third") == true)
            #expect(try await gw.retry(original, #"{"fromStep": ""}"#).status == 422)
            #expect(executions(dir, "first") == 1)
            #expect(try await gw.retry("nope").status == 404)
            #expect(try await gw.retry(original, token: "tok-read").status == 403)
            let first = try await gw.retry(original, key: "k1")
            let again = try await gw.retry(original, key: "k1")
            #expect(first.json["runId"] == again.json["runId"])
            #expect(try await gw.retry(original, #"{"fromStep": "first"}"#, key: "k1").errorCode == "idempotency_conflict")
            _ = try await gw.request(.POST, "/gateway/pause", token: "tok-admin", body: "{}")
            let paused = try await gw.retry(original)
            #expect(paused.status == 503)
            #expect(paused.errorCode == "gateway_paused")
        }
    }

    @Test func aStepBeforeFromStepThatDidNotCompleteIs422() async throws {
        let pipeline = """
            id: early
            steps:
              - { id: a, kind: fail, message: nope }
              - { id: b, kind: set, values: { v: 1 } }
            """
        try await TestGateway.with(pipelines: ["early.yaml": pipeline]) { gw in
            let runId = try #require(try await gw.run("early").json["runId"]?.stringValue)
            let response = try await gw.retry(runId, #"{"fromStep": "b"}"#)
            #expect(response.status == 422)
            #expect(response.json["error"]?["message"]?.stringValue?.contains("step 'a' (before 'b') did not complete") == true)
            let fromDefault = try await gw.finished(try #require(gw.retry(runId).json["runId"]?.stringValue))
            #expect(fromDefault["retryOf"]?["fromStep"] == "a")
        }
    }

    @Test func aCompletedRunRetriesWhollyAndARetryWorksAfterARestart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        let scratch = TestGateway.makeTemporaryDirectory()
        FileManager.default.createFile(atPath: scratch + "/fixed", contents: nil)
        let carried = Carried("")
        try await TestGateway.with(pipelines: RetryFixtures.all, directory: dir) { gw in
            let run = try await gw.run("three-steps", "{\"dir\": \"\(scratch)\"}")
            #expect(run.json["status"] == "completed")
            carried.value = run.json["runId"]?.stringValue ?? ""
        }
        // The file changes while the gateway is down: the retry still runs the pinned version (from the store).
        try RetryFixtures.threeSteps(thirdFails: false).replacingOccurrences(of: "echo second", with: "echo changed")
            .write(toFile: dir + "/pipelines/three.yaml", atomically: true, encoding: .utf8)
        try await TestGateway.with(directory: dir) { gw in
            let original = carried.value
            let retry = try await gw.finished(try #require(gw.retry(original).json["runId"]?.stringValue))
            #expect(retry["status"] == "completed")
            #expect(retry["retryOf"]?["fromStep"] == "first")
            #expect(retry["steps"]?.element(1)?["output"]?["stdout"] == "second\n")
            #expect((executions(scratch, "first"), executions(scratch, "third")) == (2, 2))
        }
    }
}
