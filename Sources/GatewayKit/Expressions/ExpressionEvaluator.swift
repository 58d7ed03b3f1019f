/// Evaluates a syntax tree against a context with GitHub semantics.
struct ExpressionEvaluator {
    let context: ExpressionContext
    /// The expression's source text, for error messages.
    let source: String

    /// Computes the value of `node`.
    /// - Throws: `ExpressionError` for unknown top-level names and for functions given the wrong kind of value.
    func evaluate(_ node: ExpressionNode) throws(ExpressionError) -> JSONValue {
        switch node.kind {
        case .literal(let value):
            return value
        case .name(let name):
            guard let value = context.variables[name] else {
                let known = context.variables.keys.sorted().joined(separator: ", ")
                throw error("unknown name '\(name)' (available: \(known.isEmpty ? "none" : known))", node)
            }
            return value
        case .member(let base, let name):
            return try evaluate(base).expressionMember(name)
        case .index(let base, let index):
            return try evaluate(base).expressionElement(try evaluate(index))
        case .not(let operand):
            return .bool(!(try evaluate(operand).isTruthy))
        case .binary(.and, let lhs, let rhs):
            let left = try evaluate(lhs)
            return left.isTruthy ? try evaluate(rhs) : left
        case .binary(.or, let lhs, let rhs):
            let left = try evaluate(lhs)
            return left.isTruthy ? left : try evaluate(rhs)
        case .binary(let op, let lhs, let rhs):
            return .bool(op.compare(try evaluate(lhs), try evaluate(rhs)))
        case .call(let function, let arguments):
            let values = try arguments.map { (argument) throws(ExpressionError) in try evaluate(argument) }
            do {
                return try function.apply(values)
            } catch {
                throw self.error("\(function.rawValue)(): \(error.message)", node)
            }
        }
    }

    private func error(_ message: String, _ node: ExpressionNode) -> ExpressionError {
        ExpressionError(.evaluation, message, offset: node.offset, expression: source)
    }
}
