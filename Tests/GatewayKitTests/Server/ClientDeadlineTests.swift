import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

/// The client's deadlines: ordinary calls have one, long polls and streams end when the work ends (issue 11 item 2).
@Suite struct ClientDeadlineTests {
    static let nap = """
        id: nap
        steps:
          - { id: nap, kind: sleep, duration: 3s }
          - { id: done, kind: set, values: { slept: true } }
        output: ${{ steps.done.output }}
        """

    @Test func aSynchronousRunMayTakeLongerThanTheOrdinaryDeadline() async throws {
        try await TestGateway.with(pipelines: ["nap.yaml": Self.nap]) { gw in
            let client = GatewayClient(baseURL: gw.url, token: "tok-admin", timeout: .seconds(1))
            let (run, ended) = try await client.runPipeline("nap", wait: "20s")
            #expect(ended)
            #expect(run.status == "completed")
        }
    }

    @Test func anEventStreamOutlivesTheOrdinaryDeadline() async throws {
        let longNap = Self.nap.replacingOccurrences(of: "duration: 3s", with: "duration: 6s")
        try await TestGateway.with(pipelines: ["nap.yaml": longNap]) { gw in
            // The start is an ordinary call (3 s leaves room on a busy machine); the 6 s stream is not.
            let client = GatewayClient(baseURL: gw.url, token: "tok-admin", timeout: .seconds(3))
            let started = try await client.startPipeline("nap")
            var types: [String] = []
            for try await event in try await client.eventStream(runId: started.runId) {
                types.append(event["type"]?.stringValue ?? "")
            }
            #expect(types.last == "run.completed")
        }
    }

    @Test func theWaitDeadlineIsTheWaitPlusAMargin() {
        #expect(GatewayClient.deadlineSeconds(forWait: "5m") == 300 + GatewayClient.waitMargin)
        #expect(GatewayClient.deadlineSeconds(forWait: nil) == 30 + GatewayClient.waitMargin)
    }
}
