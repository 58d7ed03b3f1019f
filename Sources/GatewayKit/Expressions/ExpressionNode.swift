/// A node of a parsed expression's syntax tree.
struct ExpressionNode: Sendable {
    /// What the node does.
    indirect enum Kind: Sendable {
        /// `null`, `true`, `false`, a number or a string.
        case literal(JSONValue)
        /// A top-level context name such as `input` or `steps`.
        case name(String)
        /// `base.name`.
        case member(ExpressionNode, String)
        /// `base[index]`.
        case index(ExpressionNode, ExpressionNode)
        /// `base.*`: GitHub's object filter, the elements of an array or the values of an object; a later
        /// `.name` or `[index]` applies to each of them (`steps.*.status`).
        case filter(ExpressionNode)
        /// `!operand`.
        case not(ExpressionNode)
        /// `lhs op rhs`.
        case binary(ExpressionOperator, ExpressionNode, ExpressionNode)
        /// `function(arguments…)`.
        case call(ExpressionFunction, [ExpressionNode])
    }

    let kind: Kind
    /// 0-based character offset of the node's first token in the template string.
    let offset: Int
    /// Height of the subtree, bounded by the parser so evaluation cannot exhaust the stack.
    let depth: Int

    /// Creates a node whose depth is one more than its deepest child.
    init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
        self.depth = 1 + (kind.children.map(\.depth).max() ?? 0)
    }
}

extension ExpressionNode.Kind {
    /// The direct sub-expressions.
    var children: [ExpressionNode] {
        switch self {
        case .literal, .name: []
        case .member(let base, _): [base]
        case .index(let base, let index): [base, index]
        case .filter(let base): [base]
        case .not(let operand): [operand]
        case .binary(_, let lhs, let rhs): [lhs, rhs]
        case .call(_, let arguments): arguments
        }
    }
}
