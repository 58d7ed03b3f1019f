import Foundation
import Testing
@testable import GatewayKit

/// Issue 11 item 5: YAML anchors and merge keys in pipeline files and gw.yaml, GitHub's `.*` object filter.
@Suite struct YAMLAnchorsAndFiltersTests {
    static let withAnchors = """
        id: p
        x-defaults: &defaults
          kind: exec
          timeout: 5m
          retry: { attempts: 2 }
        steps:
          - <<: *defaults
            id: build
            command: [make]
          - <<: *defaults
            id: test
            timeout: 1m
            command: [make, test]
        """

    @Test func mergeKeysFillAStepAndItsOwnKeysWin() throws {
        let loaded = try PipelineLoader.parse(Self.withAnchors, file: "p.yaml", options: PipelineFixtures.options)
        let steps = loaded.steps
        #expect(steps.map(\.id) == ["build", "test"])
        #expect(steps.map(\.kind) == ["exec", "exec"])
        #expect(steps.map(\.timeout) == [300, 60])
        #expect(steps.map { $0.retry?.attempts } == [2, 2])
    }

    @Test func anErrorInAnAnchoredMappingIsReportedWhereTheAnchorWroteIt() {
        let yaml = """
            id: p
            x-defaults: &defaults
              kind: exec
              colour: red
            steps:
              - <<: *defaults
                id: build
                command: [make]
            """
        #expect(PipelineFixtures.errors(yaml) == [
            "p.yaml:4:3: unknown key 'colour' in exec step 'build' (allowed: id, kind, if, timeout, retry, continueOnError, run, command, env, cwd, stdin, parse)",
        ])
    }

    @Test func aMergeOfAScalarIsAnError() {
        let yaml = "id: p\nsteps:\n  - <<: 3\n    id: a\n    kind: fail\n"
        #expect(PipelineFixtures.errors(yaml).first?.hasPrefix("p.yaml:3:9: << in a step must merge a mapping") == true)
    }

    @Test func gwYAMLTakesAnchorsToo() throws {
        let text = """
            x-tokens: &reader { scopes: [read] }
            auth:
              tokens:
                - { <<: *reader, name: one, token: token-one }
                - { <<: *reader, name: two, token: token-two }
            """
        let config = try GatewayConfig.parse(text, file: "gw.yaml", baseDirectory: "/tmp")
        #expect(config.tokens.map(\.name) == ["one", "two"])
    }

    @Test func theObjectFilterListsValuesAndMapsProperties() throws {
        #expect(try ExpressionFixtures.evaluate("${{ steps.*.status }}") == ["succeeded", "succeeded"])
        #expect(try ExpressionFixtures.evaluate("${{ steps.*.output.decision }}") == ["approved"])
        #expect(try ExpressionFixtures.evaluate("${{ input.tags.* }}") == ["a", "b"])
        #expect(try ExpressionFixtures.evaluate("${{ contains(steps.*.status, 'failed') }}") == false)
        #expect(try ExpressionFixtures.evaluate("${{ input.ref.* }}") == [])
        #expect(try ExpressionFixtures.evaluate("${{ fromJSON('[[1, 2], [3]]').*.* }}") == [1, 2, 3])
    }
}
