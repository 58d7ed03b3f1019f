import Foundation
import GatewayTestSupport
import GRDB
import Synchronization
import Testing
@testable import GatewayKit

/// What the contract lists, the gateway shows (issue 11 item 3): the approvals gauge, retention, the schedule and
/// trigger fields, `nextCursor`, the `/metrics` media type.
@Suite struct ContractFiguresTests {
    static let pipelines = [
        "gate.yaml": "id: gate\nsteps:\n  - { id: ok, kind: approval, message: Ship it? }\n",
        "hello.yaml": "id: hello\nsteps:\n  - { id: a, kind: set, values: { x: 1 } }\n",
        "waiter.yaml": "id: waiter\nsteps:\n  - { id: w, kind: wait }\n",
    ]

    static func config(retention: String) -> String {
        TestGateway.defaultConfigYAML() + "\nruns:\n  retention: \(retention)\n"
    }

    @Test func theApprovalsGaugeCountsPendingDecisionsAlsoAfterARestart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        try await TestGateway.with(pipelines: Self.pipelines, directory: dir) { gw in
            let metrics = try await gw.request(.GET, "/metrics", token: "tok-read")
            #expect(metrics.headers["Content-Type"].first == "text/plain; version=0.0.4; charset=utf-8")
            #expect(metrics.body.contains("gw_approvals_pending 0"))
            for _ in 0..<2 {
                let run = try await gw.request(.POST, "/pipelines/gate/start", token: "tok-operate").json
                _ = try await gw.waitForRun(run["runId"]?.stringValue ?? "") { $0["status"] == "waiting" }
            }
            #expect(try await gw.request(.GET, "/metrics", token: "tok-read").body.contains("gw_approvals_pending 2"))
        }
        try await TestGateway.with(pipelines: Self.pipelines, directory: dir) { gw in
            #expect(try await gw.request(.GET, "/metrics", token: "tok-read").body.contains("gw_approvals_pending 2"))
            let pending = try await gw.request(.GET, "/approvals", token: "tok-read").json.arrayValue ?? []
            let first = try #require(pending.first?["runId"]?.stringValue)
            let decided = try await gw.request(.POST, "/runs/\(first)/approve", token: "tok-admin", body: #"{"stepId": "ok"}"#)
            #expect(decided.status == 200)
            _ = try await gw.waitForRun(first) { $0["status"] == "completed" }
            #expect(try await gw.request(.GET, "/metrics", token: "tok-read").body.contains("gw_approvals_pending 1"))
        }
    }

    @Test func retentionPrunesFinishedRunsOnlyWithTheirRowsAndOldKeys() async throws {
        try await TestGateway.with(configYAML: Self.config(retention: "1s"), pipelines: Self.pipelines) { gw in
            let done = try await gw.run("hello", key: "k-done").json["runId"]?.stringValue ?? ""
            let waiting = try await gw.request(.POST, "/pipelines/waiter/start", token: "tok-operate",
                                               headers: ["Idempotency-Key": "k-wait"]).json["runId"]?.stringValue ?? ""
            _ = try await gw.waitForRun(waiting) { $0["status"] == "waiting" }
            try await gw.runtime.database.pool.write { db in
                try db.execute(sql: "INSERT INTO webhook_deliveries VALUES ('t', 'old', ?), ('t', 'new', ?)",
                               arguments: [Date().timeIntervalSince1970 - 90_000, Date().timeIntervalSince1970])
            }
            try await Task.sleep(for: .milliseconds(1200))
            let pruned = await RetentionService(runtime: gw.runtime).pruneOnce()
            #expect(pruned == RunStore.Pruned(runs: 1, idempotencyKeys: 0, webhookDeliveries: 1))
            #expect(try await gw.request(.GET, "/runs/\(done)", token: "tok-read").status == 404)
            #expect(try await gw.request(.GET, "/runs/\(waiting)", token: "tok-read").json["status"] == "waiting")
            let leftovers = try await gw.runtime.database.pool.read { db in
                try ["events", "steps", "idempotency_keys"].map {
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0) WHERE run_id = ?", arguments: [done]) ?? -1
                }
            }
            #expect(leftovers == [0, 0, 0])
            #expect(try await gw.request(.GET, "/metrics", token: "tok-read").body.contains("gw_runs_pruned_total 1"))
            // The waiting run's idempotency key goes once its 24 h window is over; the run stays.
            try await gw.runtime.database.pool.write { db in
                try db.execute(sql: "UPDATE idempotency_keys SET created_at = created_at - 90000")
            }
            let later = await RetentionService(runtime: gw.runtime).pruneOnce()
            #expect(later == RunStore.Pruned(runs: 0, idempotencyKeys: 1, webhookDeliveries: 0))
            #expect(try await gw.request(.GET, "/runs/\(waiting)", token: "tok-read").json["status"] == "waiting")
        }
    }

    @Test func retentionIsAppliedAtStart() async throws {
        let dir = TestGateway.makeTemporaryDirectory()
        let finished = Mutex("")
        try await TestGateway.with(pipelines: Self.pipelines, directory: dir) { gw in
            let runId = try await gw.run("hello").json["runId"]?.stringValue ?? ""
            finished.withLock { $0 = runId }
        }
        let runId = finished.withLock { $0 }
        try await Task.sleep(for: .milliseconds(1100))
        try await TestGateway.with(configYAML: Self.config(retention: "1s"), pipelines: Self.pipelines, directory: dir) { gw in
            var status = 0
            for _ in 0..<100 {
                status = try await gw.request(.GET, "/runs/\(runId)", token: "tok-read").status
                if status == 404 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(status == 404)
        }
    }

    @Test func listsAlwaysCarryNextCursorAndScheduleFieldsAreNullUntilSet() async throws {
        try await TestGateway.with(pipelines: Self.pipelines) { gw in
            let runs = try await gw.request(.GET, "/runs", token: "tok-read").json
            #expect(runs["nextCursor"] == .null)
            let audit = try await gw.request(.GET, "/audit", token: "tok-read").json
            #expect(audit["nextCursor"] == .null)
            let made = try await gw.request(.POST, "/schedules", token: "tok-admin",
                                            body: #"{"id": "nightly", "pipelineId": "hello", "every": "24h"}"#)
            #expect(made.status == 201)
            let fresh = try #require(try await gw.request(.GET, "/schedules", token: "tok-read").json.arrayValue?.first)
            for key in ["input", "lastFiredAt", "lastOutcome", "lastRunId", "lastError", "lastErrorAt"] {
                #expect(fresh[key] == .null, "\(key) must be present and null")
            }
            let fired = try await gw.request(.POST, "/triggers/nightly/fire", token: "tok-operate").json
            let runId = try #require(fired["runId"]?.stringValue)
            let schedule = try #require(try await gw.request(.GET, "/schedules", token: "tok-read").json.arrayValue?.first)
            #expect(schedule["lastRunId"]?.stringValue == runId)
            #expect(schedule["lastOutcome"] == "started")
            #expect(schedule["lastFiredAt"]?.stringValue != nil)
            let trigger = try await gw.request(.GET, "/triggers", token: "tok-read").json.arrayValue?.first { $0["id"] == "nightly" }
            #expect(trigger?["lastRunId"]?.stringValue == runId)
        }
    }
}
