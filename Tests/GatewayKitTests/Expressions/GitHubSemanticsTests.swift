import Testing

@testable import GatewayKit

@Suite("GitHub Actions expression semantics")
struct GitHubSemanticsTests {
    static let logicalOperands: [(String, JSONValue)] = [
        ("null && 'x'", nil),
        ("'' && 'x'", ""),
        ("0 && 'x'", 0),
        ("'a' && 'b'", "b"),
        ("input.tags && input.count", 3),
        ("0 || 'x'", "x"),
        ("'a' || 'b'", "a"),
        ("null || null", nil),
        ("false || 0", 0),
        ("input.missing || 'fallback'", "fallback"),
        ("input.empty || input.ref", "main"),
    ]

    @Test("&& and || return one of their operands, not a boolean", arguments: logicalOperands)
    func logicalOperatorsReturnOperands(expression: String, expected: JSONValue) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == expected)
    }

    @Test("&& and || short-circuit: the unused operand is never evaluated", arguments: [
        "false && nope.x", "true || nope.x", "null && fromJSON('not json')", "'x' || keys('x')",
    ])
    func logicalOperatorsShortCircuit(expression: String) throws {
        _ = try ExpressionFixtures.evaluate(expression: expression)
    }

    static let falsyValues = ["false", "0", "-0", "NaN", "''", "null", "input.missing", "input.empty", "0.0"]
    static let truthyValues = ["true", "1", "-1", "'0'", "'false'", "' '", "input.tags", "fromJSON('[]')",
        "fromJSON('{}')", "Infinity"]

    @Test("false, 0, -0, NaN, '' and null are falsy", arguments: falsyValues)
    func falsyValuesAreFalsy(expression: String) throws {
        #expect(try ExpressionFixtures.evaluate(expression: "!(\(expression))") == true)
        #expect(try ExpressionFixtures.evaluate(expression: expression).isTruthy == false)
    }

    @Test("every other value, including '0', 'false', [] and {}, is truthy", arguments: truthyValues)
    func otherValuesAreTruthy(expression: String) throws {
        #expect(try ExpressionFixtures.evaluate(expression: "!(\(expression))") == false)
    }

    static let equalities: [(String, Bool)] = [
        ("'abc' == 'ABC'", true),
        ("'abc' != 'ABC'", false),
        ("'1' == 1", true),
        ("' 1 ' == 1", true),
        ("'0x10' == 16", true),
        ("'1.50' == 1.5", true),
        ("null == 0", true),
        ("null == ''", true),
        ("null == false", true),
        ("null == null", true),
        ("'' == 0", true),
        ("true == 1", true),
        ("false == '0'", true),
        ("'true' == true", false),
        ("'abc' == 0", false),
        ("NaN == NaN", false),
        ("NaN != NaN", true),
        ("1 == 1.0", true),
        ("input.tags == input.tags", true),
        ("input.tags == 'a,b'", false),
        ("fromJSON('{}') == fromJSON('{}')", true),
        ("fromJSON('[1]') == fromJSON('[1]')", true),
        ("fromJSON('[1]') == fromJSON('[2]')", false),
        ("fromJSON('[1]') == 1", false),
        ("fromJSON('[]') == fromJSON('{}')", false),
        ("fromJSON('{}') == null", false),
    ]

    @Test("== ignores case for strings and coerces mismatched primitives to numbers", arguments: equalities)
    func looseEquality(expression: String, expected: Bool) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == .bool(expected))
    }

    static let orderings: [(String, Bool)] = [
        ("'a' < 'B'", true),
        ("'B' < 'a'", false),
        ("'abc' <= 'ABC'", true),
        ("'abc' >= 'ABC'", true),
        ("'10' < '9'", true),
        ("'10' < 9", false),
        ("null < 1", true),
        ("true > false", true),
        ("'abc' < 1", false),
        ("'abc' >= 1", false),
        ("NaN < 1", false),
        ("NaN >= NaN", false),
        ("input.tags < 1", false),
        ("Infinity > 1e300", true),
    ]

    @Test("< <= > >= compare two strings case-insensitively and anything else as numbers", arguments: orderings)
    func looseOrdering(expression: String, expected: Bool) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == .bool(expected))
    }

    static let nullSafeAccess: [String] = [
        "null.x", "input.missing.x", "input.ref.x", "input.count.x", "input.flag.x", "input.ref[0]",
        "input.missing[0]", "input.tags.x",
    ]

    @Test("property access on null, scalars and arrays yields null instead of failing", arguments: nullSafeAccess)
    func propertyAccessOnNonObjectsIsNull(expression: String) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == nil)
    }
}
