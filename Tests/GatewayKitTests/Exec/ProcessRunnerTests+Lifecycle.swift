import Foundation
import Glibc
import Testing
@testable import GatewayKit

extension ProcessRunnerTests {
    // MARK: - Cancellation

    @Test func cancellationKillsTheWholeProcessGroup() async throws {
        let (lines, task) = startRun(["sh", "-c", "sleep 300 & echo $!; wait"])
        let grandchild = try #require(await lines.first { _ in true }.flatMap { pid_t($0) })
        let started = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(isGone(grandchild))
    }

    @Test func processIgnoringSIGTERMIsKilledAfterTheGrace() async throws {
        let script = "trap '' TERM; sleep 300 & echo $!; wait; wait"
        let (lines, task) = startRun(["sh", "-c", script], killGrace: .milliseconds(300))
        let grandchild = try #require(await lines.first { _ in true }.flatMap { pid_t($0) })
        let started = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(2))
        #expect(isGone(grandchild))
    }

    @Test func cancelledBeforeStartSpawnsNothing() async throws {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await run(["sh", "-c", "echo never"])
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    // MARK: - Exit and resources

    @Test func grandchildHoldingThePipeDoesNotHangTheCall() async throws {
        let started = ContinuousClock.now
        let result = try await run(["sh", "-c", "sleep 30 & echo $!"])
        let grandchild = try #require(pid_t(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(grandchild, SIGKILL)
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func childIsReaped() async throws {
        let result = try await run(["sh", "-c", "echo $$"])
        let pid = try #require(pid_t(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func trueFinishesInMilliseconds() async throws {
        let started = ContinuousClock.now
        for _ in 0..<20 { _ = try await run(["true"]) }
        #expect(ContinuousClock.now - started < .milliseconds(20 * 50))
    }

    @Test func descriptorsAreNotLeaked() async throws {
        _ = try await run(["true"])
        let before = openDescriptorCount()
        for index in 0..<50 {
            _ = try await run(["sh", "-c", "cat; echo err >&2"], stdin: "line \(index)\n")
            _ = try? await run(["gw-no-such-command"])
        }
        _ = try? await run(["pwd"], cwd: "/no/such/dir")
        // Other suites may open a few descriptors meanwhile; a leak would show as 50 or more.
        #expect(openDescriptorCount() - before < 10)
    }
}

// MARK: - Helpers

/// Starts a run in a task and returns its stdout lines as they arrive.
func startRun(_ argv: [String], killGrace: Duration = .seconds(5))
    -> (lines: AsyncStream<String>, task: Task<ProcessResult, any Error>) {
    let (lines, continuation) = AsyncStream<String>.makeStream()
    let task = Task {
        defer { continuation.finish() }
        return try await ProcessRunner.run(ProcessSpec(argv: argv, environment: testPath), killGrace: killGrace) {
            stream, line in
            if stream == .stdout { continuation.yield(line) }
        }
    }
    return (lines, task)
}

/// Whether `pid` has ended: no such process, or a zombie left for a reaper (pid 1 here may never reap orphans).
func isGone(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return errno == ESRCH }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    guard let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
}

/// How many descriptors this process has open.
func openDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}
