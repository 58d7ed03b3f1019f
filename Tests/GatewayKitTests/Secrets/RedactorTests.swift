import Testing

@testable import GatewayKit

@Suite("Redactor")
struct RedactorTests {
    static let strings: [(String, [String], String)] = [
        ("token s3cr3t here", ["s3cr3t"], "token *** here"),
        ("s3cr3ts3cr3t and s3cr3t", ["s3cr3t"], "****** and ***"),
        ("xabcdefx abc", ["abc", "abcdef"], "x***x ***"),
        ("banana", ["", "a"], "b***n***n***"),
        ("nothing to hide", [""], "nothing to hide"),
        ("nothing to hide", [], "nothing to hide"),
        ("a*a*", ["a*"], "******"),
        ("user=pässwörd;", ["pässwörd"], "user=***;"),
        ("one two", ["one", "two", "one"], "*** ***"),
    ]

    @Test("every occurrence of every non-empty secret becomes ***, longest first", arguments: strings)
    func redactsStrings(text: String, secrets: [String], expected: String) {
        #expect(Redactor(secrets: secrets).redact(text) == expected)
    }

    @Test("redacting JSON masks strings and object keys at any depth and leaves other values alone")
    func redactsJSON() {
        let value: JSONValue = [
            "auth": "Bearer tok", "list": ["tok", 1, true, nil], "tok-key": ["nested": "x tok y"], "port": 8080,
        ]
        let expected: JSONValue = [
            "auth": "Bearer ***", "list": ["***", 1, true, nil], "***-key": ["nested": "x *** y"], "port": 8080,
        ]
        #expect(Redactor(secrets: ["tok", "8080"]).redact(value) == expected)
    }

    @Test("a secret read through an expression is masked in the evaluated result")
    func redactsEvaluatedSecrets() throws {
        let context = ExpressionFixtures.context
        let value = try Template.parse("curl -H 'Authorization: ${{ secrets.TOKEN }}'").evaluate(context)
        #expect(Redactor(secrets: Array(context.secretValues)).redact(value) == "curl -H 'Authorization: ***'")
    }

    @Test("a whole record is masked: input, output, error, waits and each step's output and error")
    func redactsRecords() {
        let r = Redactor(secrets: ["hunter22"])
        let failure = RunFailure(code: "failed", message: "cannot use hunter22", stepId: "s")
        let step = StepRecord(key: "s", id: "s", kind: "exec", status: "failed", attempt: 1, startedAt: nil, finishedAt: nil,
                              output: ["stderr": "hunter22\n"], error: failure, wakeAt: nil)
        let wait = WaitingOn(kind: "approval", stepId: "ok", since: .now, expiresAt: nil, message: "Deploy with hunter22?")
        let run = RunRecord(runId: "r", pipelineId: "p", pipelineVersion: "v", status: .waiting, input: ["k": "hunter22"],
                            output: "hunter22", error: failure, trigger: RunTrigger(kind: "api"), parentRunId: nil,
                            idempotencyKey: nil, createdAt: .now, startedAt: nil, finishedAt: nil, waitingOn: [wait], steps: [step])
        let masked = r.redactRunFields(run)
        #expect(masked.input == ["k": "***"] && masked.output == "***")
        #expect(masked.error?.message == "cannot use ***" && masked.waitingOn.first?.message == "Deploy with ***?")
        let maskedStep = r.redact(step)
        #expect(maskedStep.error?.message == "cannot use ***" && maskedStep.output == ["stderr": "***\n"])
    }

    @Test("the shared redaction keeps masking old values after new ones are added (a reload)")
    func redactionKeepsOldSecrets() {
        let redaction = SecretRedaction(secrets: ["first-one"])
        redaction.add(["second-one"])
        #expect(redaction.redact("first-one second-one") == "*** ***")
    }
}
