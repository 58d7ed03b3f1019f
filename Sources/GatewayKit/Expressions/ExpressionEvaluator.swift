/// Evaluates a syntax tree against a context with GitHub semantics.
struct ExpressionEvaluator {
    let context: ExpressionContext
    /// The expression's source text, for error messages.
    let source: String

    /// Computes the value of `node`.
    /// - Throws: `ExpressionError` for unknown top-level names and for functions given the wrong kind of value.
    func evaluate(_ node: ExpressionNode) throws(ExpressionError) -> JSONValue {
        if Self.isFiltered(node) { return .array(try filtered(node)) }
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
        case .filter:
            return .array(try filtered(node))
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

    // MARK: - Object filter

    /// Whether `node` is an object filter or a property of one (`a.*`, `a.*.b`, `a.*[0]`).
    private static func isFiltered(_ node: ExpressionNode) -> Bool {
        switch node.kind {
        case .filter: true
        case .member(let base, _), .index(let base, _): isFiltered(base)
        default: false
        }
    }

    /// The items of a filtered node, as GitHub computes them: `.*` takes the elements of an array or the values
    /// of an object (of each item, after another filter); `.name` and `[index]` apply to each item, keeping only
    /// the items that have that property (so `steps.*.status` lists the steps' statuses).
    private func filtered(_ node: ExpressionNode) throws(ExpressionError) -> [JSONValue] {
        switch node.kind {
        case .filter(let base):
            let items = Self.isFiltered(base) ? try filtered(base) : [try evaluate(base)]
            return items.flatMap { item -> [JSONValue] in
                switch item {
                case .array(let elements): elements
                case .object(let members): members.keys.sorted().compactMap { members[$0] }
                default: []
                }
            }
        case .member(let base, let name):
            return try filtered(base).compactMap { item in
                guard case .object(let members) = item else { return nil }
                return members[name]
            }
        case .index(let base, let index):
            let key = try evaluate(index)
            return try filtered(base).compactMap { item in
                let value = item.expressionElement(key)
                return value == .null ? nil : value
            }
        default:
            return [try evaluate(node)]
        }
    }

    private func error(_ message: String, _ node: ExpressionNode) -> ExpressionError {
        ExpressionError(.evaluation, message, offset: node.offset, expression: source)
    }
}
