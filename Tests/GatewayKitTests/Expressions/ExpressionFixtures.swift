@testable import GatewayKit

/// A context shaped like a real run: input, two finished steps, run and pipeline ids, a secret and a loop item.
enum ExpressionFixtures {
    static let secret = "s3cr3t-value"

    static let context = ExpressionContext(
        variables: [
            "input": [
                "ref": "main", "count": 3, "flag": true, "empty": "", "tags": ["a", "b"],
                "nested": ["x": ["y": 1]], "json": #"{"a": 1}"#, "step": "build",
            ],
            "steps": [
                "build": [
                    "status": "succeeded", "output": ["exitCode": 0, "stdout": "ok\n", "json": ["version": "1.2"]],
                ],
                "ship-ok": ["status": "succeeded", "output": ["decision": "approved"]],
            ],
            "run": ["id": "run-1"],
            "pipeline": ["id": "deploy"],
            "secrets": ["TOKEN": .string(secret)],
            "item": ["name": "x"],
            "index": 0,
        ],
        secretValues: [secret]
    )

    /// Evaluates `text` as a template against `context`.
    static func evaluate(_ text: String) throws -> JSONValue {
        try Template.parse(text).evaluate(context)
    }

    /// Evaluates a bare expression against `context`.
    static func evaluate(expression: String) throws -> JSONValue {
        try TemplateExpression.parse(expression).evaluate(context)
    }

    /// The error thrown by parsing `text` as a template, if any.
    static func parseError(_ text: String) -> ExpressionError? {
        do {
            _ = try Template.parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// The error thrown by evaluating the bare expression `text`, if any.
    static func evaluationError(_ text: String) throws -> ExpressionError? {
        let expression = try TemplateExpression.parse(text)
        do {
            _ = try expression.evaluate(context)
            return nil
        } catch {
            return error
        }
    }
}
