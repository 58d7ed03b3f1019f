import Testing
@testable import GatewayKit

@Suite struct InputSchemaTests {
    static let deploy: JSONValue = [
        "type": "object",
        "required": ["ref"],
        "additionalProperties": false,
        "properties": [
            "ref": ["type": "string", "minLength": 1, "maxLength": 10, "pattern": "^v[0-9]+$"],
            "count": ["type": "integer", "minimum": 1, "maximum": 5, "default": 2],
            "env": ["enum": ["dev", "prod"], "default": "dev"],
            "tags": ["type": "array", "items": ["type": "string"]],
            "note": ["type": ["string", "null"]],
            "meta": ["type": "object", "additionalProperties": ["type": "number"]],
            "a/b": ["type": "boolean"],
        ],
    ]

    static let cases: [(value: JSONValue, violations: [SchemaViolation])] = [
        (["ref": "v1"], []),
        (["ref": "v1", "count": 5, "env": "prod", "tags": ["x"], "note": nil, "meta": ["m": 1.5], "a/b": true], []),
        ([:], [SchemaViolation(pointer: "/ref", message: "is required")]),
        (nil, [SchemaViolation(pointer: "/ref", message: "is required")]),
        (["ref": 1], [SchemaViolation(pointer: "/ref", message: "must be a value of type string (found number)")]),
        (["ref": ""], [SchemaViolation(pointer: "/ref", message: "must be at least 1 characters long"),
                       SchemaViolation(pointer: "/ref", message: "must match the pattern ^v[0-9]+$")]),
        (["ref": "v12345678901"], [SchemaViolation(pointer: "/ref", message: "must be at most 10 characters long")]),
        (["ref": "v1", "count": 2.5], [SchemaViolation(pointer: "/count", message: "must be a value of type integer (found number)")]),
        (["ref": "v1", "count": 0], [SchemaViolation(pointer: "/count", message: "must be at least 1")]),
        (["ref": "v1", "count": 6], [SchemaViolation(pointer: "/count", message: "must be at most 5")]),
        (["ref": "v1", "env": "qa"], [SchemaViolation(pointer: "/env", message: "must be one of \"dev\", \"prod\"")]),
        (["ref": "v1", "tags": ["a", 1, true]], [
            SchemaViolation(pointer: "/tags/1", message: "must be a value of type string (found number)"),
            SchemaViolation(pointer: "/tags/2", message: "must be a value of type string (found boolean)"),
        ]),
        (["ref": "v1", "note": 3], [SchemaViolation(pointer: "/note", message: "must be one of the types string, null (found number)")]),
        (["ref": "v1", "meta": ["m": "x"]], [SchemaViolation(pointer: "/meta/m", message: "must be a value of type number (found string)")]),
        (["ref": "v1", "a/b": 1], [SchemaViolation(pointer: "/a~1b", message: "must be a value of type boolean (found number)")]),
        (["ref": "v1", "extra": 1], [SchemaViolation(pointer: "/extra", message: "is not an allowed property (allowed: a/b, count, env, meta, note, ref, tags)")]),
        ("v1", [SchemaViolation(pointer: "", message: "must be a value of type object (found string)")]),
        (["count": "2", "env": "x"], [
            SchemaViolation(pointer: "/ref", message: "is required"),
            SchemaViolation(pointer: "/count", message: "must be a value of type integer (found string)"),
            SchemaViolation(pointer: "/env", message: "must be one of \"dev\", \"prod\""),
        ]),
    ]

    @Test(arguments: cases)
    func valuesAreCheckedWithPointers(value: JSONValue, violations: [SchemaViolation]) {
        #expect(InputSchema(Self.deploy).validate(value) == violations)
    }

    @Test func defaultsFillMissingPropertiesOnly() {
        let schema = InputSchema(Self.deploy)
        #expect(schema.applyingDefaults(to: ["ref": "v1"]) == ["ref": "v1", "count": 2, "env": "dev"])
        #expect(schema.applyingDefaults(to: ["ref": "v1", "count": 4]) == ["ref": "v1", "count": 4, "env": "dev"])
        #expect(schema.applyingDefaults(to: nil) == ["count": 2, "env": "dev"])
    }

    @Test func defaultsReachNestedObjectsAndArrayItems() {
        let schema = InputSchema([
            "type": "object",
            "properties": [
                "opts": ["type": "object", "properties": ["fast": ["type": "boolean", "default": false]]],
                "jobs": ["type": "array", "items": ["type": "object", "properties": ["retries": ["default": 1]]]],
            ],
        ])
        let filled = schema.applyingDefaults(to: ["opts": [:], "jobs": [["name": "a"], ["retries": 3]]])
        #expect(filled == ["opts": ["fast": false], "jobs": [["name": "a", "retries": 1], ["retries": 3]]])
    }

    @Test func aMissingInputTakesTheSchemaDefault() {
        #expect(InputSchema(["type": "string", "default": "x"]).applyingDefaults(to: nil) == "x")
        #expect(InputSchema(["type": "string"]).applyingDefaults(to: nil) == nil)
        #expect(InputSchema(["type": "string"]).validate(nil) == [SchemaViolation(pointer: "", message: "must be a value of type string (found null)")])
    }

    @Test func anEmptySchemaAcceptsAnything() {
        for value: JSONValue in [nil, 1, "x", [1], ["a": 1]] {
            #expect(InputSchema([:]).validate(value).isEmpty)
        }
    }
}
