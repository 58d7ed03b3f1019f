import Foundation
import Logging
import ServiceLifecycle

/// Applies `runs.retention` at start and then hourly: finished runs older than it are deleted with their
/// events, steps and idempotency keys; idempotency keys and webhook delivery ids past their 24 h window go too,
/// so no table grows forever. `gw_runs_pruned_total` counts the runs.
struct RetentionService: Service {
    let runtime: GatewayRuntime
    /// How long an idempotency key or a webhook delivery id is remembered.
    static let replayWindow: Double = 86400
    static let interval: Duration = .seconds(3600)

    func run() async throws {
        await pruneOnce()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
            } catch {
                return
            }
            await pruneOnce()
        }
    }

    /// One pass with the retention the config has now (a reload may have changed it); failures are logged.
    @discardableResult
    func pruneOnce(now: Date = Date()) async -> RunStore.Pruned? {
        do {
            let pruned = try await runtime.runs.prune(finishedBefore: now.addingTimeInterval(-runtime.config.runsRetention),
                                                      windowBefore: now.addingTimeInterval(-Self.replayWindow))
            if pruned.runs > 0 { runtime.metrics.runsPruned.increment(by: Int64(pruned.runs)) }
            if pruned != RunStore.Pruned() {
                runtime.logger.info("retention: pruned \(pruned.runs) runs, \(pruned.idempotencyKeys) idempotency keys, \(pruned.webhookDeliveries) webhook delivery ids")
            }
            return pruned
        } catch {
            runtime.logger.error("retention: pruning failed: \(error)")
            return nil
        }
    }
}
