import Dispatch
import Foundation

/// Live ids for the shell's Tab (pipeline, run, schedule, trigger and session ids), from a short cache.
///
/// libedit calls the completer synchronously on the prompt thread, so a stale or missing entry is
/// fetched while Tab waits, for at most `patience`; an answer that arrives later fills the cache for
/// the next Tab. Entries live `freshness` long and are dropped after every command (which may have
/// started, ended or approved runs).
final class ShellLiveValues: ShellValueProvider, @unchecked Sendable {
    private let source: LiveIds
    private let freshness: Duration
    private let patience: DispatchTimeInterval
    private let lock = NSLock()
    private var cache: [LiveIdKind: (fetched: ContinuousClock.Instant, ids: [String])] = [:]

    /// - Parameters:
    ///   - source: where ids come from.
    ///   - freshness: how long fetched ids are used without asking again.
    ///   - patience: how long Tab waits for the gateway before offering what it has.
    init(source: LiveIds, freshness: Duration = .seconds(5), patience: DispatchTimeInterval = .milliseconds(400)) {
        self.source = source
        self.freshness = freshness
        self.patience = patience
    }

    func arguments(commandPath: [String], argumentIndex: Int, prefix: String) -> [String] {
        guard let kind = LiveIdKind.forArgument(commandPath: commandPath, argumentIndex: argumentIndex) else {
            return []
        }
        return ids(kind)
    }

    func optionValues(commandPath: [String], option: ShellOption, prefix: String) -> [String] {
        guard let kind = LiveIdKind.forOption(names: option.names) else { return [] }
        return ids(kind)
    }

    /// The ids of `kind`: cached when fresh, else fetched (waiting at most `patience`).
    func ids(_ kind: LiveIdKind) -> [String] {
        let cached = lock.withLock { cache[kind] }
        if let cached, ContinuousClock.now - cached.fetched < freshness { return cached.ids }
        let done = DispatchSemaphore(value: 0)
        Task {
            await self.refresh(kind)
            done.signal()
        }
        _ = done.wait(timeout: .now() + patience)
        return lock.withLock { cache[kind]?.ids } ?? cached?.ids ?? []
    }

    /// Fetches the ids of `kind` into the cache.
    func refresh(_ kind: LiveIdKind) async {
        let ids = await source.fetch(kind)
        lock.withLock { cache[kind] = (ContinuousClock.now, ids) }
    }

    /// Forgets every cached id (after a command ran).
    func invalidate() {
        lock.withLock { cache.removeAll() }
    }
}
