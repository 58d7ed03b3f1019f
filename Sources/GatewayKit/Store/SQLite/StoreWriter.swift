import Foundation
import GRDB
import Synchronization

/// Group commit: write operations submitted by many runs are committed together in one transaction.
/// `submit` enqueues at once (so submissions from one caller keep their order); `WriteTicket.wait()`
/// returns once the transaction holding them has committed.
final class StoreWriter: Sendable {
    typealias Operation = @Sendable (Database) throws -> Void

    private struct Pending {
        let operations: [Operation]
        let ticket: WriteTicket
    }

    private struct State {
        var pending: [Pending] = []
        var flushing = false
    }

    private let pool: DatabasePool
    private let state = Mutex(State())
    /// Largest number of submissions committed in one transaction.
    private let maxBatch = 512
    /// Told the duration of each committed transaction, in seconds.
    private let observe: (@Sendable (Double) -> Void)?

    init(pool: DatabasePool, observe: (@Sendable (Double) -> Void)? = nil) {
        self.pool = pool
        self.observe = observe
    }

    /// Enqueues `operations` for the next commit.
    func submit(_ operations: [Operation]) -> WriteTicket {
        let ticket = WriteTicket()
        let startFlush = state.withLock { s -> Bool in
            s.pending.append(Pending(operations: operations, ticket: ticket))
            if s.flushing { return false }
            s.flushing = true
            return true
        }
        if startFlush { Task.detached(priority: .high) { await self.flushLoop() } }
        return ticket
    }

    /// Submits and waits for the commit.
    func write(_ operations: [Operation]) async throws { try await submit(operations).wait() }

    private func flushLoop() async {
        while true {
            let batch = state.withLock { s -> [Pending] in
                let take = Array(s.pending.prefix(maxBatch))
                s.pending.removeFirst(take.count)
                if take.isEmpty { s.flushing = false }
                return take
            }
            if batch.isEmpty { return }
            do {
                let started = ContinuousClock.now
                try await pool.write { db in
                    for item in batch { for op in item.operations { try op(db) } }
                }
                observe?(seconds(since: started))
                for item in batch { item.ticket.fulfill(nil) }
            } catch {
                await commitOneByOne(batch)
            }
        }
    }

    /// After a failed batch: commit each submission alone so one bad write fails only its own caller.
    private func commitOneByOne(_ batch: [Pending]) async {
        for item in batch {
            do {
                try await pool.write { db in for op in item.operations { try op(db) } }
                item.ticket.fulfill(nil)
            } catch {
                item.ticket.fulfill(error)
            }
        }
    }
}

/// The completion of one submission to the `StoreWriter`.
final class WriteTicket: Sendable {
    private struct State {
        var done = false
        var error: (any Error)?
        var waiters: [CheckedContinuation<Void, any Error>] = []
    }

    private let state = Mutex(State())

    func fulfill(_ error: (any Error)?) {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, any Error>] in
            s.done = true
            s.error = error
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters {
            if let error { w.resume(throwing: error) } else { w.resume() }
        }
    }

    /// Waits for the commit; throws its error.
    func wait() async throws {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            let result = state.withLock { s -> Result<Void, any Error>? in
                guard s.done else {
                    s.waiters.append(c)
                    return nil
                }
                if let e = s.error { return .failure(e) }
                return .success(())
            }
            if let result { c.resume(with: result) }
        }
    }
}
