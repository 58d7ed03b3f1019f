import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the pipelines on `SIGHUP`, atomically: an invalid set is logged and the old one stays.
struct ReloadSignalService: Service {
    let runtime: GatewayRuntime

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                let result = try runtime.reloadPipelines()
                runtime.logger.notice("SIGHUP: reloaded \(result.count) pipelines (added \(result.added), removed \(result.removed), changed \(result.changed))")
            } catch {
                runtime.logger.error("SIGHUP: reload refused, the old pipelines stay: \(error)")
            }
        }
    }
}
