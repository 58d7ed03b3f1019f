import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

/// The parts of DESIGN §10 that hold with SQLite too: one node listed, the store's metrics, `trigger.fireAt`.
@Suite struct NodeAndStorageTests {
    static let pipelines = ["noop.yaml": "id: noop\nsteps:\n  - { id: s, kind: set, values: { a: 1 } }\n"]

    @Test func theGatewayShowsItsStorageAndItselfAsTheOneNode() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let state = try await gw.request(.GET, "/gateway", token: "tok-read").json
            #expect(state["storage"] == "sqlite")
            let nodes = state["nodes"]?.arrayValue ?? []
            #expect(nodes.count == 1)
            #expect(nodes.first?["id"]?.stringValue == gw.runtime.nodeId)
            #expect(nodes.first?["id"]?.stringValue?.contains(ProcessInfo.processInfo.hostName) == false)
            #expect(nodes.first?["listen"] == state["listen"])
            #expect(nodes.first?["runsHeld"] == 0)
            #expect(nodes.first?["lastSeenAt"]?.stringValue.flatMap(Timestamp.parse) != nil)
        }
    }

    @Test func storeTransactionsAndNodeGaugesAreExported() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            _ = try await gw.request(.POST, "/pipelines/noop/run", token: "tok-operate")
            let text = try await gw.request(.GET, "/metrics", token: "tok-read").body
            #expect(text.contains("gw_node_runs_held 0"))
            #expect(text.contains("gw_lease_takeovers_total 0"))
            let count = text.split(separator: "\n").first { $0.hasPrefix("gw_store_transaction_seconds_count") }
            #expect((count?.split(separator: " ").last.flatMap { Double($0) } ?? 0) >= 1)
        }
    }

    @Test func aScheduledRunCarriesItsNominalFireTime() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let added = try await gw.request(.POST, "/schedules", token: "tok-admin",
                                             body: #"{"id": "tick", "pipelineId": "noop", "every": "1s", "jitter": "300ms"}"#)
            #expect(added.status == 201)
            var runId: String?
            for _ in 0..<100 where runId == nil {
                try await Task.sleep(for: .milliseconds(50))
                runId = try await gw.request(.GET, "/schedules/tick", token: "tok-read").json["lastRunId"]?.stringValue
            }
            let run = try await gw.request(.GET, "/runs/\(try #require(runId))", token: "tok-read").json
            #expect(run["trigger"]?["kind"] == "schedule" && run["trigger"]?["id"] == "tick")
            let fireAt = try #require(run["trigger"]?["fireAt"]?.stringValue.flatMap(Timestamp.parse))
            let created = try #require(run["createdAt"]?.stringValue.flatMap(Timestamp.parse))
            #expect(fireAt <= created)
            #expect(fireAt.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) < 0.001 || created.timeIntervalSince(fireAt) < 1.5)
        }
    }
}
