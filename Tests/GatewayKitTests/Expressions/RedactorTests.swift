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
}
