import Foundation
import GatewayKit

/// The kinds of id a command argument takes, completed from the gateway's current state.
enum LiveIdKind: String, Sendable, CaseIterable {
    case pipelines, runs, waitingRuns, approvalRuns, schedules, triggers, sessions

    /// The kind for positional argument `argumentIndex` of the command at `commandPath` (`["runs", "watch"]`).
    static func forArgument(commandPath: [String], argumentIndex: Int) -> LiveIdKind? {
        guard argumentIndex == 0, let group = commandPath.first else { return nil }
        let leaf = commandPath.count > 1 ? commandPath[1] : ""
        switch (group, leaf) {
        case ("pipelines", "get"), ("pipelines", "run"), ("pipelines", "start"), ("schedules", "add"), ("chat", _):
            return .pipelines
        case ("runs", "resume"), ("debug", "release"): return .waitingRuns
        case ("runs", "approve"), ("runs", "deny"), ("approvals", "approve"), ("approvals", "deny"): return .approvalRuns
        case ("runs", "get"), ("runs", "show"), ("runs", "events"), ("runs", "watch"), ("runs", "cancel"), ("runs", "retry"),
            ("runs", "explain"), ("runs", "why"):
            return .runs
        case ("schedules", "get"), ("schedules", "rm"), ("schedules", "pause"), ("schedules", "resume"),
            ("schedules", "preview"):
            return .schedules
        case ("triggers", "fire"): return .triggers
        case ("sessions", "get"), ("sessions", "resume"), ("sessions", "rm"): return .sessions
        default: return nil
        }
    }

    /// The kind for the value of `option` (any of its spellings).
    static func forOption(names: [String]) -> LiveIdKind? {
        names.contains("--pipeline") ? .pipelines : nil
    }
}

/// Fetches live ids from a gateway for completion: never throws, answers `[]` on any failure
/// (no gateway, 401, 501 from a route not built yet) or after `timeout`.
struct LiveIds: Sendable {
    let client: GatewayClient
    /// The longest a fetch may take before it answers `[]`.
    var timeout: Duration = .milliseconds(800)
    /// Runs asked for per listing (the newest ones).
    var runLimit = 200

    /// The ids of `kind`: for runs, the waiting ones first (for approvals, the runs with a pending approval first).
    func fetch(_ kind: LiveIdKind) async -> [String] {
        Self.unique(await Self.withTimeout(timeout) { try await self.unbounded(kind) } ?? [])
    }

    private func unbounded(_ kind: LiveIdKind) async throws -> [String] {
        switch kind {
        case .pipelines: return try await client.pipelines().map(\.id)
        case .schedules: return try await client.schedules().map(\.id)
        case .triggers: return try await client.triggers().map(\.id)
        case .sessions: return try await client.sessions().map(\.id)
        case .runs: return try await waitingRuns() + recentRuns()
        case .waitingRuns: return try await waitingRuns()
        case .approvalRuns:
            let pending = (try? await client.approvals().map(\.runId)) ?? []
            return pending + (try await waitingRuns())
        }
    }

    private func waitingRuns() async throws -> [String] {
        try await client.runs(status: "waiting", limit: runLimit).runs.map(\.runId)
    }

    private func recentRuns() async throws -> [String] {
        try await client.runs(limit: runLimit).runs.map(\.runId)
    }

    /// `body`'s result, or nil when it throws or takes longer than `limit` (it is then cancelled).
    static func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { try? await body() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// `ids` without repeats, in their first order.
    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
