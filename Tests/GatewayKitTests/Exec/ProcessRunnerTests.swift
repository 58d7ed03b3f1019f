import Foundation
import Glibc
import Synchronization
import Testing
@testable import GatewayKit

@Suite(.serialized, .timeLimit(.minutes(2))) struct ProcessRunnerTests {
    // MARK: - Output, exit and input

    @Test func echoWritesItsArgumentsToStdout() async throws {
        let result = try await run(["echo", "hello", "world"])
        #expect(result == ProcessResult(exitCode: 0, stdout: "hello world\n", stderr: ""))
    }

    @Test func exitCodeIsReported() async throws {
        #expect(try await run(["sh", "-c", "exit 3"]).exitCode == 3)
    }

    @Test func killingSignalIsReported() async throws {
        let result = try await run(["sh", "-c", "kill -KILL $$"])
        #expect(result.signal == SIGKILL)
        #expect(result.exitCode == 128 + SIGKILL)
    }

    @Test func stderrIsSeparate() async throws {
        let log = LineLog()
        let result = try await run(["sh", "-c", "echo out; echo err >&2"], log: log)
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
        #expect(log.lines(of: .stdout) == ["out"])
        #expect(log.lines(of: .stderr) == ["err"])
    }

    @Test func linesStreamInOrderWithTheFinalPartialLine() async throws {
        let log = LineLog()
        let result = try await run(["printf", "a\\nb\\nc"], log: log)
        #expect(log.lines(of: .stdout) == ["a", "b", "c"])
        #expect(result.stdout == "a\nb\nc")
    }

    @Test func manyLinesArriveInOrderWithoutLoss() async throws {
        let log = LineLog()
        _ = try await run(["seq", "1", "100000"], log: log)
        #expect(log.lines(of: .stdout) == (1...100_000).map(String.init))
    }

    @Test func stdinIsDeliveredThenClosed() async throws {
        let big = String(repeating: "0123456789abcdef\n", count: 200_000)
        #expect(try await run(["cat"], stdin: "one\ntwo\n").stdout == "one\ntwo\n")
        #expect(try await run(["cat"], stdin: big, maxOutputBytes: 4 << 20).stdout == big)
        #expect(try await run(["cat"]).stdout == "")
    }

    @Test func stdinUnreadByTheChildDoesNotHurt() async throws {
        let result = try await run(["true"], stdin: String(repeating: "x", count: 1 << 20))
        #expect(result.exitCode == 0)
    }

    // MARK: - Environment and working directory

    @Test func environmentIsExactlyWhatWasPassed() async throws {
        let result = try await run(["env"], environment: ["FOO": "bar", "GW_EXEC_TEST": "a b"])
        #expect(result.stdout.split(separator: "\n").sorted() == ["FOO=bar", "GW_EXEC_TEST=a b"])
    }

    @Test func workingDirectoryIsUsed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gw-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await run(["pwd", "-P"], cwd: directory.path)
        #expect(result.stdout == directory.resolvingSymlinksInPath().path + "\n")
    }

    @Test func missingWorkingDirectoryIsAClearError() async throws {
        await #expect(throws: ProcessRunnerError.invalidWorkingDirectory("/no/such/gw/dir", "does not exist")) {
            try await run(["pwd"], cwd: "/no/such/gw/dir")
        }
    }

    // MARK: - Spawn failures

    @Test func unknownCommandFailsToSpawn() async throws {
        await #expect(throws: ProcessRunnerError.spawnFailed("gw-no-such-command", "No such file or directory")) {
            try await run(["gw-no-such-command", "x"])
        }
        await #expect(throws: ProcessRunnerError.emptyCommand) { try await run([]) }
    }

    // MARK: - Size limits

    @Test func hugeOutputIsTruncatedToTheLastBytes() async throws {
        let counter = ByteCounter()
        let result = try await ProcessRunner.run(
            ProcessSpec(argv: ["sh", "-c", "head -c 50000000 /dev/zero | tr '\\0' x"], environment: testPath),
            maxOutputBytes: 1000
        ) { _, line in counter.add(line) }
        #expect(result.stdout == String(repeating: "x", count: 1000))
        #expect(result.stdoutTruncated && !result.stderrTruncated)
        #expect(counter.total == 50_000_000)
        #expect(counter.longest == LineSplitter.defaultMaxLineBytes)
    }

    @Test func manyShortLinesAreTruncatedToTheLimit() async throws {
        let counter = ByteCounter()
        let result = try await ProcessRunner.run(
            ProcessSpec(argv: ["sh", "-c", "yes | head -n 2000000"], environment: testPath)
        ) { _, line in counter.add(line) }
        #expect(result.stdout.utf8.count == 1 << 20)
        #expect(result.stdout.hasPrefix("y\n") && result.stdoutTruncated)
        #expect(counter.lines == 2_000_000)
    }
}

// MARK: - Helpers

/// The PATH the tests give their children (their environment is otherwise empty).
let testPath = ["PATH": "/usr/local/bin:/usr/bin:/bin"]

/// Runs argv with a PATH-only environment unless told otherwise, logging lines into `log`.
func run(_ argv: [String], environment: [String: String] = testPath, cwd: String? = nil, stdin: String? = nil,
         maxOutputBytes: Int = 1 << 20, log: LineLog = LineLog()) async throws -> ProcessResult {
    try await ProcessRunner.run(ProcessSpec(argv: argv, environment: environment, cwd: cwd, stdin: stdin),
                                maxOutputBytes: maxOutputBytes) { stream, line in log.append(stream, line) }
}

/// Lines streamed by a run, in arrival order.
final class LineLog: Sendable {
    private let entries = Mutex<[(GatewayKit.OutputStream, String)]>([])

    /// Records a line.
    func append(_ stream: GatewayKit.OutputStream, _ line: String) {
        entries.withLock { $0.append((stream, line)) }
    }

    /// The lines of one stream.
    func lines(of stream: GatewayKit.OutputStream) -> [String] {
        entries.withLock { $0.filter { $0.0 == stream }.map(\.1) }
    }
}

/// Counts streamed lines and bytes without keeping them.
final class ByteCounter: Sendable {
    private let state = Mutex((lines: 0, total: 0, longest: 0))

    /// Counts a line.
    func add(_ line: String) {
        let count = line.utf8.count
        state.withLock { $0 = ($0.lines + 1, $0.total + count, max($0.longest, count)) }
    }

    var lines: Int { state.withLock { $0.lines } }
    var total: Int { state.withLock { $0.total } }
    var longest: Int { state.withLock { $0.longest } }
}
