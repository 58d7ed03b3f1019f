import Foundation
import ServiceLifecycle

extension Scheduler: Service {
    /// The one timer: sleeps until the earliest due fire (or a change), fires everything due, and repeats
    /// until graceful shutdown.
    package func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.step()
                await self.pause(until: await self.nextDue)
            }
        }
    }

    /// The earliest due time in the heap.
    var nextDue: Date? { heap.first?.due }

    /// Follows reloads, then fires every entry due by now.
    func step() {
        do { try refresh() } catch { logger.error("scheduler cannot load schedules: \(error)") }
        let now = clock.now()
        while let top = heap.first, top.due <= now {
            _ = heap.pop()
            guard let current = entries[top.scheduleId], current.generation == top.generation else { continue }
            handleFire(top.scheduleId, planned: top.planned, due: top.due)
            arm(top.scheduleId, after: resumePoint(after: top.planned, now: now))
        }
    }

    /// Where the next fire is searched from: right after the fire handled, unless the timer fell more than a
    /// second behind (a suspended host), in which case the missed fires are dropped rather than replayed.
    func resumePoint(after planned: Date, now: Date) -> Date {
        now.timeIntervalSince(planned) > 1 ? now : planned
    }

    /// Returns at `deadline`, at a wake-up signal, or on cancellation, whichever comes first.
    nonisolated func pause(until deadline: Date?) async {
        let clock = clock
        let wakeup = wakeup
        await withTaskGroup(of: Void.self) { group in
            if let deadline { group.addTask { try? await clock.sleep(until: deadline) } }
            group.addTask { await wakeup.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
