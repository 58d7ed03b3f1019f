import Testing

@testable import GatewayKit

@Suite("Expression syntax errors")
struct ExpressionParseErrorTests {
    /// Template text, expected message, expected offset in the template.
    static let cases: [(String, String, Int)] = [
        ("${{ (a }}", "expected ')' but found end of expression", 7),
        ("${{ }}", "expected an expression but found end of expression", 4),
        ("${{ a == }}", "expected a value but found end of expression", 9),
        ("${{ a b }}", "expected an operator or end of expression but found 'b'", 6),
        ("${{ a = b }}", "expected '==' but found '='", 6),
        ("${{ a & b }}", "expected '&&' but found '&'", 6),
        ("${{ a | b }}", "expected '||' but found '|'", 6),
        ("${{ a.b", "expected '}}' to close '${{' but found end of text", 0),
        ("ok ${{ 'abc }}", "expected '}}' to close '${{' but found end of text", 3),
        ("x ${{ a. }}", "expected a property name but found end of expression", 9),
        ("${{ a.1 }}", "expected a property name but found number 1", 6),
        ("${{ a[1 }}", "expected ']' but found end of expression", 8),
        ("${{ ) }}", "expected a value but found ')'", 4),
        ("${{ foo(1) }}", "unknown function 'foo'", 4),
        ("${{ join() }}", "join() takes 1 or 2 arguments but got 0", 4),
        ("${{ contains('a') }}", "contains() takes 2 arguments but got 1", 4),
        ("${{ toJSON(1, 2) }}", "toJSON() takes 1 argument but got 2", 4),
        ("${{ format() }}", "format() takes at least 1 argument but got 0", 4),
        ("${{ contains('a' 'b') }}", "expected ',' or ')' but found string 'b'", 17),
        ("${{ 12abc }}", "expected a number but found '12abc'", 4),
        ("${{ 0xfg }}", "expected a number but found '0xfg'", 4),
        ("${{ a @ b }}", "expected an operator or a value but found '@'", 6),
        ("${{ a -1 }}", "expected an operator or a value but found '-'", 6),
        ("echo ${{ input.ref }} and ${{ a b }}", "expected an operator or end of expression but found 'b'", 32),
    ]

    @Test("a syntax error says what was expected, what was found, and where", arguments: cases)
    func syntaxErrorNamesExpectationAndOffset(text: String, message: String, offset: Int) throws {
        let error = try #require(ExpressionFixtures.parseError(text))
        #expect(error.kind == .syntax)
        #expect(error.message.hasPrefix(message), "\(error.message)")
        #expect(error.offset == offset)
    }

    @Test("an unterminated string in a bare expression is reported at its opening quote")
    func unterminatedStringInBareExpression() throws {
        let error = try #require(throws: ExpressionError.self) { try TemplateExpression.parse("a == 'abc") }
        #expect(error.message == "expected closing quote (') but found end of expression")
        #expect(error.offset == 5)
    }

    @Test("the error carries the expression text and describes itself with it")
    func errorCarriesExpressionText() throws {
        let error = try #require(ExpressionFixtures.parseError("run ${{  input.ref == }} now"))
        #expect(error.expression == "input.ref ==")
        #expect(error.description == "${{ input.ref == }}: expected a value but found end of expression (offset 22)")
    }

    @Test("deeply nested expressions are rejected instead of exhausting the stack", arguments: [
        String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500),
        String(repeating: "!", count: 500) + "true",
        Array(repeating: "1", count: 500).joined(separator: " == "),
        "a" + String(repeating: ".b", count: 500),
    ])
    func deepNestingIsASyntaxError(expression: String) {
        #expect(ExpressionFixtures.parseError("${{ \(expression) }}")?.message == "the expression nests too deeply")
    }

    @Test("function names are matched without regard to case")
    func functionNamesIgnoreCase() {
        let text = "${{ TOJSON(1) }} ${{ FromJson('1') }} ${{ startswith('a', 'b') }}"
        #expect(ExpressionFixtures.parseError(text) == nil)
    }
}
