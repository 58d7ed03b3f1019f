import Foundation
import GatewayTestSupport
@testable import GatewayKit

/// Pipelines for the retry and explain tests. Each `exec` step appends a line to `<dir>/<step>.count`, so a test
/// counts how many times a step really ran.
enum RetryFixtures {
    static func threeSteps(thirdFails: Bool = true) -> String {
        """
        id: three-steps
        input:
          type: object
          required: [dir]
          properties:
            dir: { type: string }
            tag: { type: string, default: v1 }
        steps:
          - { id: first, kind: exec, run: "echo x >> ${{ input.dir }}/first.count; echo first-${{ input.tag }}" }
          - { id: second, kind: exec, run: "echo x >> ${{ input.dir }}/second.count; echo second" }
          - { id: third, kind: exec, run: "echo x >> ${{ input.dir }}/third.count; \(thirdFails ? "test -f ${{ input.dir }}/fixed || exit 2" : "true")" }
        output: ${{ steps.first.output.stdout }}
        """
    }

    static let cancellable = """
        id: cancellable
        input: { type: object, properties: { secs: { type: string, default: "30" } } }
        steps:
          - { id: prepare, kind: set, values: { ready: true } }
          - { id: hold, kind: exec, command: [sleep, "${{ input.secs }}"] }
          - { id: after, kind: set, values: { was: "${{ steps.prepare.output.ready }}" } }
        """

    static let people = """
        id: people
        steps:
          - id: ship-ok
            kind: approval
            message: Ship it?
            approvers: [alice, bob]
            timeout: 4h
            onTimeout: deny
        """

    static let waits = """
        id: waits
        steps:
          - { id: collect, kind: wait, timeout: 1h, onTimeout: continue }
        """

    static let sleeps = """
        id: sleeps
        steps:
          - { id: nap, kind: sleep, duration: 1h }
        """

    static let skipsAndFails = """
        id: skips
        input: { type: object, properties: { quick: { type: boolean, default: true } } }
        steps:
          - { id: test, kind: set, if: "${{ !input.quick }}", values: { ok: true } }
          - { id: lint, kind: set, if: "${{ !input.quick }}", values: { ok: true } }
          - { id: note, kind: set, if: "${{ input.quick }}", values: { quick: true } }
          - { id: build, kind: exec, run: "echo compiling; echo broken 1>&2; exit 2", retry: { attempts: 3, backoff: 20ms } }
        """

    static let walk = """
        id: walk
        steps:
          - { id: s1, kind: set, values: { v: 1 } }
          - { id: s2, kind: set, values: { v: 2 } }
        """

    static let all: [String: String] = [
        "three.yaml": threeSteps(), "cancellable.yaml": cancellable, "people.yaml": people, "waits.yaml": waits,
        "sleeps.yaml": sleeps, "skips.yaml": skipsAndFails, "walk.yaml": walk,
    ]
}

extension TestGateway {
    /// POST /runs/:id/retry with `body` (JSON text) and query.
    func retry(_ runId: String, _ body: String = "{}", query: String = "", token: String = "tok-operate",
               key: String? = nil) async throws -> TestResponse {
        try await request(.POST, "/runs/\(runId)/retry\(query)", token: token, body: body,
                          headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    /// GET /runs/:id/explain as JSON.
    func explain(_ runId: String) async throws -> JSONValue {
        try await request(.GET, "/runs/\(runId)/explain", token: "tok-read").json
    }

    /// The run once it is terminal.
    func finished(_ runId: String) async throws -> JSONValue {
        try await waitForRun(runId) { ["completed", "failed", "cancelled"].contains($0["status"]?.stringValue ?? "") }
    }

    /// Starts `pipeline` and returns the run id.
    func start(_ pipeline: String, _ input: String = "{}") async throws -> String {
        try await request(.POST, "/pipelines/\(pipeline)/start", token: "tok-operate", body: "{\"input\": \(input)}")
            .json["runId"]?.stringValue ?? ""
    }
}

/// How many times a step's exec ran (lines in its count file).
func executions(_ dir: String, _ step: String) -> Int {
    ((try? String(contentsOfFile: "\(dir)/\(step).count", encoding: .utf8)) ?? "").split(separator: "\n").count
}

extension JSONValue {
    /// The `i`th element of an array (nil when out of range or not an array).
    func element(_ i: Int) -> JSONValue? {
        guard let items = arrayValue, items.indices.contains(i) else { return nil }
        return items[i]
    }
}

/// A value carried from one gateway's lifetime to the next one's in a test.
final class Carried<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
