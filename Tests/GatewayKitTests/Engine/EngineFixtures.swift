import Foundation
import GatewayTestSupport
@testable import GatewayKit

/// Pipelines used by the engine tests.
enum EngineFixtures {
    static let threeSets = """
        id: three
        input:
          type: object
          properties:
            name: { type: string, default: world }
            count: { type: integer, minimum: 1 }
        steps:
          - { id: a, kind: set, values: { greeting: "hello ${{ input.name }}" } }
          - { id: b, kind: set, values: { upper: "${{ steps.a.output.greeting }}!" } }
          - { id: c, kind: set, values: { n: "${{ input.count }}" } }
        output: ${{ steps.b.output.upper }}
        """

    static let execs = """
        id: execs
        steps:
          - id: hello
            kind: exec
            command: [echo, "hi ${{ input.who }}"]
          - id: shout
            kind: exec
            run: "echo out; echo err 1>&2"
        """

    static let failing = """
        id: failing
        steps:
          - id: boom
            kind: exec
            run: "exit 3"
            retry: { attempts: 3, backoff: 10ms }
        """

    static let slow = """
        id: slow
        steps:
          - { id: nap, kind: sleep, duration: 30s }
        """

    static let timeout = """
        id: timeouts
        steps:
          - { id: nap, kind: exec, command: [sleep, "5"], timeout: 300ms }
        """

    static let flows = """
        id: flows
        steps:
          - id: both
            kind: parallel
            steps:
              - { id: left, kind: set, values: { v: 1 } }
              - { id: right, kind: set, values: { v: 2 } }
          - id: each
            kind: foreach
            items: ${{ input.items }}
            steps:
              - { id: double, kind: set, values: { v: "${{ item }}-${{ index }}" } }
          - id: child
            kind: invoke
            pipeline: three
            input: { name: "from-flows" }
        output: { both: "${{ steps.both.output }}", each: "${{ steps.each.output }}", child: "${{ steps.child.output }}" }
        """

    static let all = ["three.yaml": threeSets, "execs.yaml": execs, "failing.yaml": failing, "slow.yaml": slow,
                      "timeouts.yaml": timeout, "flows.yaml": flows]
}

extension TestGateway {
    /// POST /pipelines/:id/run with `input`; returns the response.
    func run(_ pipeline: String, _ input: String = "{}", wait: String = "10s", key: String? = nil) async throws -> TestResponse {
        var headers: [String: String] = [:]
        if let key { headers["Idempotency-Key"] = key }
        return try await request(.POST, "/pipelines/\(pipeline)/run?wait=\(wait)", token: "tok-operate",
                                 body: "{\"input\": \(input)}", headers: headers)
    }

    /// The JSON events snapshot of a run.
    func events(_ runId: String) async throws -> [JSONValue] {
        try await request(.GET, "/runs/\(runId)/events", token: "tok-read", headers: ["Accept": "application/json"])
            .json["events"]?.arrayValue ?? []
    }

    /// Polls GET /runs/:id until `predicate` holds (at most 10 s).
    func waitForRun(_ runId: String, _ predicate: (JSONValue) -> Bool) async throws -> JSONValue {
        for _ in 0..<200 {
            let run = try await request(.GET, "/runs/\(runId)", token: "tok-read").json
            if predicate(run) { return run }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await request(.GET, "/runs/\(runId)", token: "tok-read").json
    }
}
