import Foundation

extension RunInterpreter {
    /// `foreach`: the inner steps run once per item (`concurrency` iterations at a time), each iteration in
    /// its own scope with `item` (or the `as` name) and `index`. Output: the last inner step's output per item.
    func runForeach(_ config: ForeachStepConfig, step: StepDefinition, key: String, scope: StepScope) async throws -> JSONValue {
        let value = try evaluate(config.items, scope: scope)
        guard case .array(let items) = value else {
            throw StepFailure(failure: RunFailure(code: "not_an_array",
                                                  message: "foreach '\(step.id)': items must be an array, got \(Self.typeName(value))",
                                                  stepId: step.id))
        }
        var results = [JSONValue](repeating: .null, count: items.count)
        let limit = max(1, config.concurrency)
        try await withThrowingTaskGroup(of: (Int, JSONValue?).self) { group in
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let index = next
                next += 1
                let iteration = scope.child(prefix: "\(key)[\(index)]/",
                                            locals: [config.itemName: items[index], "index": .number(Double(index))])
                group.addTask { (index, try await runSteps(config.steps, scope: iteration)) }
            }
            for _ in 0..<limit { launch() }
            while let (index, output) = try await group.next() {
                results[index] = output ?? .null
                launch()
            }
        }
        return .array(results)
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
