import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the config and the pipelines on `SIGHUP`, atomically: an invalid state is logged and the old one stays.
struct ReloadSignalService: Service {
    let runtime: GatewayRuntime

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            do {
                let result = try runtime.reload()
                runtime.logger.notice("SIGHUP: reloaded the config and \(result.count) pipelines (added \(result.added), removed \(result.removed), changed \(result.changed))")
                // Audited like POST /gateway/reload; the actor is the signal.
                try? await runtime.audit.record(actor: "signal:SIGHUP", action: "gateway.reload", target: "pipelines",
                                                reason: "added \(result.added), removed \(result.removed), changed \(result.changed)")
            } catch {
                runtime.logger.error("SIGHUP: reload refused, the old config and pipelines stay: \(error)")
            }
        }
    }
}
