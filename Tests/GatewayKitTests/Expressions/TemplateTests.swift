import Testing

@testable import GatewayKit

@Suite("Templates")
struct TemplateTests {
    static let typedValues: [(String, JSONValue)] = [
        ("${{ input.count }}", 3),
        ("${{input.flag}}", true),
        ("${{   input.tags   }}", ["a", "b"]),
        ("${{ input.missing }}", nil),
        ("${{ input.nested }}", ["x": ["y": 1]]),
        ("${{ fromJSON(input.json) }}", ["a": 1]),
        ("${{ 0.1 }}", 0.1),
        ("${{ '}}' }}", "}}"),
        ("${{ 'a' || 'b' }}", "a"),
    ]

    @Test("a value that is exactly one ${{ }} keeps its JSON type", arguments: typedValues)
    func wholeValueKeepsType(text: String, expected: JSONValue) throws {
        #expect(try ExpressionFixtures.evaluate(text) == expected)
    }

    static let interpolations: [(String, String)] = [
        (" ${{ input.count }}", " 3"),
        ("${{ input.count }} ", "3 "),
        ("${{ input.count }}${{ input.count }}", "33"),
        ("ref=${{ input.ref }}", "ref=main"),
        ("make build REF=${{ input.ref }} N=${{ input.count }}", "make build REF=main N=3"),
        ("n=${{ input.missing }}!", "n=!"),
        ("${{ true }}/${{ false }}/${{ null }}", "true/false/"),
        ("${{ 1.5 }}x", "1.5x"),
        ("${{ 3.0 }}x", "3x"),
        ("${{ -0 }}x", "0x"),
        ("${{ 1e20 }}x", "1E+20x"),
        ("${{ 0.1 }}x", "0.1x"),
        ("${{ 123456789012 }}x", "123456789012x"),
        ("${{ NaN }}/${{ Infinity }}", "NaN/Infinity"),
        ("${{ input.tags }}x", #"["a","b"]x"#),
        ("${{ input.nested }}x", #"{"x":{"y":1}}x"#),
        ("a ${{ 'x}}y' }} b", "a x}}y b"),
        ("$${{ input.ref }}", "$main"),
        ("line1\n${{ input.ref }}\nline3", "line1\nmain\nline3"),
    ]

    @Test("any other text interpolates each expression as a string", arguments: interpolations)
    func interpolationProducesString(text: String, expected: String) throws {
        #expect(try ExpressionFixtures.evaluate(text) == .string(expected))
    }

    @Test("text without ${{ is a literal and evaluates to itself", arguments: [
        "plain text", "", "$ {{ not }}", "${ not }", "{{ x }}", "cost: $5",
    ])
    func literalTextIsUnchanged(text: String) throws {
        let template = try Template.parse(text)
        #expect(template.isLiteral)
        #expect(template.references.isEmpty)
        #expect(try template.evaluate(ExpressionContext()) == .string(text))
    }

    @Test("a template with an expression is not a literal")
    func expressionTemplateIsNotLiteral() throws {
        #expect(try !Template.parse("a ${{ 1 }}").isLiteral)
        #expect(try Template.parse("a ${{ 1 }} ${{ 2 }}").expressions.map(\.source) == ["1", "2"])
    }

    @Test("an evaluation error points at the failing expression inside the template")
    func evaluationErrorOffsetIsInTemplate() throws {
        let template = try Template.parse("ok ${{ input.ref }} then ${{ keys(input.ref) }}")
        let error = try #require(throws: ExpressionError.self) { try template.evaluate(ExpressionFixtures.context) }
        #expect(error.kind == .evaluation)
        #expect(error.offset == 29)
        #expect(error.expression == "keys(input.ref)")
        #expect(error.message == "keys(): expected an object but found string")
    }

    static let references: [(String, [[String]])] = [
        (
            "${{ steps.build.output.exitCode == 0 && input.ref }}",
            [["steps", "build", "output", "exitCode"], ["input", "ref"]]
        ),
        ("${{ steps['ship-ok'].output.decision }}", [["steps", "ship-ok", "output", "decision"]]),
        ("${{ steps.ship-ok.output.decision == 'approved' }}", [["steps", "ship-ok", "output", "decision"]]),
        ("${{ steps[input.step].output }}", [["steps"], ["input", "step"]]),
        ("${{ input.tags[0].name }}", [["input", "tags"]]),
        ("${{ format('{0}', secrets.TOKEN) }} ${{ secrets.TOKEN }}", [["secrets", "TOKEN"]]),
        ("${{ fromJSON(input.json).a }}", [["input", "json"]]),
        ("${{ !(item.name == 'x') || index }}", [["item", "name"], ["index"]]),
        ("run ${{ run.id }} of ${{ pipeline.id }}", [["run", "id"], ["pipeline", "id"]]),
        ("${{ true && 'x' }}", []),
    ]

    @Test("references lists every property path rooted at a context name", arguments: references)
    func referencesListPaths(text: String, expected: [[String]]) throws {
        #expect(try Template.parse(text).references == expected)
    }

    @Test("a bare expression (as in if:) parses and evaluates without ${{ }}")
    func bareExpressionEvaluates() throws {
        let expression = try TemplateExpression.parse(" steps.ship-ok.output.decision == 'APPROVED' ")
        #expect(expression.source == "steps.ship-ok.output.decision == 'APPROVED'")
        #expect(expression.offset == 1)
        #expect(expression.references == [["steps", "ship-ok", "output", "decision"]])
        #expect(try expression.evaluate(ExpressionFixtures.context) == true)
    }
}
