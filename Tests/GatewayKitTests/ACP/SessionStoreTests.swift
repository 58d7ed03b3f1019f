import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct SessionStoreTests {
    private func store() throws -> SessionStore {
        SessionStore(database: try GatewayDatabase(stateDir: TestGateway.makeTemporaryDirectory(), sync: .normal))
    }

    @Test func aKeyFindsItsActiveOrIdleSessionOnly() async throws {
        let store = try store()
        var session = SessionRecord.make(agent: "a", key: "k", cwd: nil, stateDir: "/tmp", expireAfter: 60)
        try await store.save(session)
        #expect(try await store.reusable(agent: "a", key: "k")?.id == session.id)
        #expect(try await store.reusable(agent: "b", key: "k") == nil)
        session.state = .expired
        try await store.save(session)
        #expect(try await store.reusable(agent: "a", key: "k") == nil)
        #expect(session.cwd == "/tmp/sessions/\(session.id)")
    }

    @Test func onlyIdleSessionsPastTheirExpiryExpire() async throws {
        let store = try store()
        let past = Date().addingTimeInterval(-120)
        var idle = SessionRecord.make(agent: "a", key: "1", cwd: "/x", stateDir: "/tmp", expireAfter: 60, now: past)
        var active = SessionRecord.make(agent: "a", key: "2", cwd: "/x", stateDir: "/tmp", expireAfter: 60, now: past)
        active.state = .active
        active.pid = 42
        try await store.save(idle)
        try await store.save(active)
        #expect(try await store.expireIdle(now: Date()) == [idle.id])
        idle = try #require(try await store.get(idle.id))
        #expect(idle.state == .expired)
        try store.markActiveIdle()
        active = try #require(try await store.get(active.id))
        #expect(active.state == .idle && active.pid == nil)
        #expect(try await store.counts() == ["expired": 1, "idle": 1])
    }
}
