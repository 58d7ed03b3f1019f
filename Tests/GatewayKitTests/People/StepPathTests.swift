import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

/// A step inside `parallel` is listed by its path (`both/w1`) and waits under its id (`w1`): resume takes either.
@Suite struct StepPathTests {
    @Test func resumeTakesTheStepsPathAsListedInSteps() async throws {
        try await TestGateway.with(pipelines: PeopleFixtures.pipelines) { gw in
            let runId = try #require(try await gw.request(.POST, "/pipelines/two-waits/start", token: "tok-operate")
                .json["runId"]?.stringValue)
            let run = try await gw.waitForRun(runId) { ($0["waitingOn"]?.arrayValue?.count ?? 0) == 2 }
            let paths = run["steps"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(paths.contains("both/w1"))
            let byPath = try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: #"{"stepId": "both/w1"}"#)
            #expect(byPath.status == 200)
            let byId = try await gw.request(.POST, "/runs/\(runId)/resume", token: "tok-operate", body: #"{"stepId": "w2"}"#)
            #expect(byId.status == 200)
            #expect(try await gw.waitForRun(runId) { $0["status"] == "completed" }["status"] == "completed")
        }
    }

    @Test func theGateIdIsTheLastComponentOfAPath() {
        #expect(RunEngine.gateStepId("both/w1") == "w1")
        #expect(RunEngine.gateStepId("each[0]/w3") == "w3")
        #expect(RunEngine.gateStepId("ship") == "ship")
    }
}
