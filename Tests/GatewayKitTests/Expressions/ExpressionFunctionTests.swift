import Testing

@testable import GatewayKit

@Suite("Expression functions")
struct ExpressionFunctionTests {
    static let results: [(String, JSONValue)] = [
        ("contains('Hello World', 'WORLD')", true),
        ("contains('abc', '')", true),
        ("contains('abc', 'x')", false),
        ("contains(input.tags, 'A')", true),
        ("contains(input.tags, 'c')", false),
        ("contains(fromJSON('[1, 2]'), '2')", true),
        ("contains(123, 2)", true),
        ("contains(fromJSON('{\"a\": 1}'), 'a')", false),
        ("startsWith('Hello', 'he')", true),
        ("startsWith('Hello', 'lo')", false),
        ("endsWith('Hello', 'LO')", true),
        ("endsWith('Hello', '')", true),
        ("endsWith('lo', 'Hello')", false),
        ("startsWith(input.tags, 'a')", false),
        ("format('{0} {1}!', 'Hello', 'World')", "Hello World!"),
        ("format('{{0}} {0}', 1)", "{0} 1"),
        ("format('{1}{0}{1}', 'a', 'b')", "bab"),
        ("format('[{0}]', null)", "[]"),
        ("format('plain')", "plain"),
        ("format('{0}', input.tags)", #"["a","b"]"#),
        ("format('{0}', 2.50)", "2.5"),
        ("join(input.tags)", "a,b"),
        ("join(input.tags, ' | ')", "a | b"),
        ("join('abc')", "abc"),
        ("join(fromJSON('[1, true, null, \"x\"]'), '-')", "1-true--x"),
        ("join(fromJSON('[]'))", ""),
        ("toJSON(input.tags)", "[\n  \"a\",\n  \"b\"\n]"),
        ("toJSON('x\"y')", #""x\"y""#),
        ("toJSON(1.5)", "1.5"),
        ("toJSON(null)", "null"),
        ("toJSON(fromJSON('{\"b\": 1, \"a\": [], \"c\": {}}'))", "{\n  \"a\": [],\n  \"b\": 1,\n  \"c\": {}\n}"),
        ("toJSON(input.nested)", "{\n  \"x\": {\n    \"y\": 1\n  }\n}"),
        ("fromJSON('{\"a\": [1, 2]}').a[1]", 2),
        ("fromJSON('true')", true),
        ("fromJSON('\"s\"')", "s"),
        ("fromJSON(' 5 ')", 5),
        ("fromJSON('null')", nil),
        ("fromJSON(input.json)", ["a": 1]),
        ("fromJSON(toJSON(input.nested))", ["x": ["y": 1]]),
        ("length('héllo')", 5),
        ("length('')", 0),
        ("length(input.tags)", 2),
        ("length(input.nested)", 1),
        ("keys(fromJSON('{\"b\": 1, \"a\": 2}'))", ["a", "b"]),
        ("keys(fromJSON('{}'))", []),
        ("default(input.missing, 'x')", "x"),
        ("default('', 'x')", "x"),
        ("default(0, 'x')", 0),
        ("default(false, 'x')", false),
        ("default(input.ref, 'x')", "main"),
        ("TOJSON(1)", "1"),
        ("FromJson('[]')", []),
        ("STARTSWITH('ab', 'A')", true),
    ]

    @Test("built-in functions compute GitHub's results", arguments: results)
    func functionsComputeResults(expression: String, expected: JSONValue) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == expected)
    }

    static let typeErrors: [(String, String)] = [
        ("join(5)", "join(): expected an array or a string but found number"),
        ("join(null)", "join(): expected an array or a string but found null"),
        ("fromJSON('{bad')", "fromJSON(): the argument is not valid JSON"),
        ("fromJSON('')", "fromJSON(): the argument is not valid JSON"),
        ("fromJSON(5)", "fromJSON(): expected a string but found number"),
        ("keys('x')", "keys(): expected an object but found string"),
        ("keys(input.tags)", "keys(): expected an object but found array"),
        ("length(5)", "length(): expected a string, array or object but found number"),
        ("length(input.missing)", "length(): expected a string, array or object but found null"),
        ("format('{0} {1}', 'a')", "format(): the format string uses {1} but got 1 value"),
        ("format('{', 1)", "format(): the format string has a '{' at position 0 that does not start '{N}'"),
        ("format('{x}', 1)", "format(): the format string has a '{' at position 0 that does not start '{N}'"),
        ("format('a}', 1)", "format(): the format string has an unmatched '}' at position 1"),
        ("format(1)", "format(): expected a string but found number"),
    ]

    @Test("a function given the wrong kind of value fails at run time, naming the function", arguments: typeErrors)
    func wrongArgumentTypeIsAnEvaluationError(expression: String, message: String) throws {
        let error = try #require(try ExpressionFixtures.evaluationError("input.ref && " + expression))
        #expect(error.kind == .evaluation)
        #expect(error.message == message)
        #expect(error.offset == 13)
    }

    @Test("evaluation errors never echo runtime values, which may be secrets", arguments: [
        "fromJSON(secrets.TOKEN)", "keys(secrets.TOKEN)", "format(format('{0}{{', secrets.TOKEN), 1)",
    ])
    func evaluationErrorsDoNotLeakValues(expression: String) throws {
        let error = try #require(try ExpressionFixtures.evaluationError(expression))
        #expect(!error.description.contains(ExpressionFixtures.secret))
    }
}
