import Foundation
import ServiceLifecycle

/// The sessions' long-running housekeeping: at start, expired sessions become `expired`; then processes idle
/// past their agent's `idleTimeout` are stopped (checked every second) and the expiry sweep runs hourly.
/// On shutdown every agent process is stopped.
struct SessionHousekeeping: Service {
    let sessions: AgentSessions

    func run() async throws {
        try await sessions.expire()
        await sessions.refreshGauge()
        var lastSweep = ContinuousClock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await gracefulShutdownSleep(seconds: 1)
            await sessions.stopIdle()
            if ContinuousClock.now - lastSweep > .seconds(3600) {
                lastSweep = .now
                try? await sessions.expire()
            }
        }
        await sessions.stopAll()
    }

    /// Sleeps, returning early on graceful shutdown.
    private func gracefulShutdownSleep(seconds: Int) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(for: .seconds(seconds))
        }
    }
}
