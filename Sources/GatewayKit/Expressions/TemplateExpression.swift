/// One parsed expression: the inside of a `${{ … }}`, or a bare expression such as an `if:` condition.
package struct TemplateExpression: Sendable {
    /// The source text, trimmed of surrounding whitespace.
    package let source: String
    /// 0-based character offset of `source` in the string it was parsed from.
    package let offset: Int
    let root: ExpressionNode

    /// Parses a bare expression (no `${{ }}`); error offsets count from the start of `text`.
    /// - Throws: `ExpressionError` of kind `.syntax`.
    package static func parse(_ text: String) throws(ExpressionError) -> TemplateExpression {
        let chars = Array(text)
        return try TemplateExpression(chars: chars, range: chars.indices)
    }

    /// Parses `chars[range]`, keeping offsets relative to the whole of `chars`.
    init(chars: [Character], range: Range<Int>) throws(ExpressionError) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, chars[lower].isWhitespace { lower += 1 }
        while upper > lower, chars[upper - 1].isWhitespace { upper -= 1 }
        source = String(chars[lower..<upper])
        offset = lower
        var lexer = ExpressionLexer(chars: chars, range: range, source: source)
        var parser = ExpressionParser(tokens: try lexer.tokenize(), source: source)
        root = try parser.parse()
    }


    /// Every property path rooted at a context name, such as `["steps", "build", "output"]`.
    ///
    /// A path follows `.name` and `['literal']` accesses and stops at any other index; names used
    /// inside computed indexes and function arguments are paths of their own.
    package var references: [[String]] {
        var paths: [[String]] = []
        Self.collect(root, into: &paths)
        return paths
    }

    /// Evaluates the expression, keeping the JSON type of the result.
    /// - Throws: `ExpressionError` of kind `.evaluation`.
    package func evaluate(_ context: ExpressionContext) throws(ExpressionError) -> JSONValue {
        try ExpressionEvaluator(context: context, source: source).evaluate(root)
    }

    // MARK: - References

    private static func collect(_ node: ExpressionNode, into paths: inout [[String]]) {
        if let path = path(of: node) {
            if !paths.contains(path) { paths.append(path) }
            return
        }
        for child in node.kind.children { collect(child, into: &paths) }
    }

    private static func path(of node: ExpressionNode) -> [String]? {
        switch node.kind {
        case .name(let name): [name]
        case .member(let base, let name): path(of: base).map { $0 + [name] }
        case .index(let base, let index):
            if case .literal(.string(let key)) = index.kind { path(of: base).map { $0 + [key] } } else { nil }
        default: nil
        }
    }
}
