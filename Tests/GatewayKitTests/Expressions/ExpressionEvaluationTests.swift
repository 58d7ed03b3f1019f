import Testing

@testable import GatewayKit

@Suite("Expression evaluation")
struct ExpressionEvaluationTests {
    static let literals: [(String, JSONValue)] = [
        ("null", nil), ("true", true), ("false", false), ("42", 42), ("-1.5", -1.5), ("+7", 7), ("0xff", 255),
        ("0XFF", 255), ("-0x10", -16), ("1e3", 1000), ("2.5E-1", 0.25), ("1.5e+2", 150), ("'it''s'", "it's"),
        ("''", ""), ("'  spaced  '", "  spaced  "), ("Infinity", .number(.infinity)),
    ]

    @Test("literals evaluate to their JSON values", arguments: literals)
    func literalsEvaluate(expression: String, expected: JSONValue) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == expected)
    }

    static let accesses: [(String, JSONValue)] = [
        ("input.ref", "main"),
        ("input['ref']", "main"),
        ("  input.ref  ", "main"),
        ("steps.ship-ok.output.decision", "approved"),
        ("steps['ship-ok'].output.decision", "approved"),
        ("steps.build.output.json.version", "1.2"),
        ("steps[input.step].status", "succeeded"),
        ("input.tags[1]", "b"),
        ("input.tags[1.7]", "b"),
        ("input.tags['1']", "b"),
        ("input.tags[5]", nil),
        ("input.tags[-1]", nil),
        ("input.nested.x.y", 1),
        ("input.nested['x']['y']", 1),
        ("input.missing", nil),
        ("input.missing.deeper", nil),
        ("input[1]", nil),
        ("input[input.tags]", nil),
        ("item.name", "x"),
        ("index", 0),
        ("run.id", "run-1"),
        ("pipeline.id", "deploy"),
        ("input.true", nil),
        ("fromJSON('{\"true\": 1}').true", 1),
        ("(input).ref", "main"),
    ]

    @Test("member and index access walk objects and arrays", arguments: accesses)
    func accessesWalkValues(expression: String, expected: JSONValue) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == expected)
    }

    static let operators: [(String, JSONValue)] = [
        ("!true", false),
        ("!input.empty", true),
        ("!!input.ref", true),
        ("!(1 == 1)", false),
        ("1 < 2", true),
        ("2 <= 2", true),
        ("3 > 2", true),
        ("2 >= 3", false),
        ("1 != 2", true),
        ("input.count == 3 && input.flag", true),
        ("true || false && false", true),
        ("(true || false) && false", false),
        ("!false == true", true),
        ("1 < 2 == true", true),
        ("1 == 1 == true", true),
        ("steps.ship-ok.output.decision == 'approved'", true),
        ("steps.build.output.exitCode == 0 && steps.build.status == 'succeeded'", true),
    ]

    @Test("operators follow GitHub precedence: ! then comparisons, equality, && and ||", arguments: operators)
    func operatorsFollowPrecedence(expression: String, expected: JSONValue) throws {
        #expect(try ExpressionFixtures.evaluate(expression: expression) == expected)
    }

    @Test("an unknown top-level name is an evaluation error that names it and the available names")
    func unknownNameIsAnEvaluationError() throws {
        let error = try #require(try ExpressionFixtures.evaluationError("input.ref == nope.x"))
        #expect(error.kind == .evaluation)
        #expect(error.message.hasPrefix("unknown name 'nope' (available: index, input, item, pipeline"))
        #expect(error.offset == 13)
        #expect(error.expression == "input.ref == nope.x")
    }

    @Test("names are case-sensitive")
    func namesAreCaseSensitive() throws {
        #expect(try ExpressionFixtures.evaluationError("Input.ref")?.message.hasPrefix("unknown name 'Input'") == true)
        #expect(try ExpressionFixtures.evaluate(expression: "input.REF") == nil)
    }
}
