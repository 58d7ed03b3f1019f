@testable import GatewayKit

/// Pipelines for the people-in-the-loop tests.
enum PeopleFixtures {
    static let pipelines = [
        "waiter.yaml": """
            id: waiter
            steps:
              - id: ask
                kind: wait
                message: Which version?
                schema: { type: object, required: [version], properties: { version: { type: string } } }
              - { id: use, kind: set, values: { picked: "${{ steps.ask.output.version }}" } }
            output: ${{ steps.use.output.picked }}
            """,
        "gate.yaml": """
            id: gate
            steps:
              - { id: ok, kind: approval, message: Ship it?, approvers: [alice], timeout: 1h }
              - { id: after, kind: set, values: { decision: "${{ steps.ok.output.decision }}" } }
            """,
        "lenient.yaml": """
            id: lenient
            steps:
              - { id: ok, kind: approval, onDeny: continue }
            output: ${{ steps.ok.output.decision }}
            """,
        "quick-timeout.yaml": """
            id: quick-timeout
            steps:
              - { id: ok, kind: approval, timeout: 300ms, onTimeout: approve }
            output: ${{ steps.ok.output }}
            """,
        "two-waits.yaml": """
            id: two-waits
            steps:
              - id: both
                kind: parallel
                steps:
                  - { id: w1, kind: wait }
                  - { id: w2, kind: wait }
            """,
        "walk.yaml": """
            id: walk
            steps:
              - { id: s1, kind: set, values: { v: 1 } }
              - { id: s2, kind: set, values: { v: 2 } }
              - { id: s3, kind: set, values: { v: 3 } }
            output: ${{ steps.s3.output.v }}
            """,
    ]
}
