/// A recursive-descent parser from tokens to an `ExpressionNode`, with GitHub's operator precedence.
struct ExpressionParser {
    /// Deepest syntax tree accepted, so that evaluating it cannot exhaust the stack.
    static let maximumDepth = 100

    private let tokens: [ExpressionToken]
    private let source: String
    private var position = 0
    private var nesting = 0

    /// Creates a parser over `tokens`, which must end with an `.end` token.
    /// - Parameters:
    ///   - tokens: The lexer's output.
    ///   - source: The expression's source text, for error messages.
    init(tokens: [ExpressionToken], source: String) {
        self.tokens = tokens
        self.source = source
    }

    /// Parses the whole token list as one expression.
    /// - Throws: `ExpressionError` saying what was expected and what was found.
    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        if case .end = current.kind { throw expected("an expression") }
        let node = try parseBinary(level: 0)
        guard case .end = current.kind else { throw expected("an operator or end of expression") }
        return node
    }

    // MARK: - Grammar

    private mutating func parseBinary(level: Int) throws(ExpressionError) -> ExpressionNode {
        guard level < ExpressionOperator.precedence.count else { return try parseUnary() }
        var lhs = try parseBinary(level: level + 1)
        while let op = ExpressionOperator.precedence[level].first(where: { current.kind == .symbol($0.symbol) }) {
            let offset = current.offset
            advance()
            let rhs = try parseBinary(level: level + 1)
            lhs = try node(.binary(op, lhs, rhs), offset: offset)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        guard current.kind == .symbol(.not) else { return try parsePostfix() }
        let offset = current.offset
        advance()
        try enter()
        defer { nesting -= 1 }
        return try node(.not(try parseUnary()), offset: offset)
    }

    private mutating func parsePostfix() throws(ExpressionError) -> ExpressionNode {
        var base = try parsePrimary()
        while true {
            let offset = current.offset
            if current.kind == .symbol(.dot) {
                advance()
                if current.kind == .symbol(.star) {
                    advance()
                    base = try node(.filter(base), offset: offset)
                    continue
                }
                guard case .identifier(let name) = current.kind else { throw expected("a property name") }
                advance()
                base = try node(.member(base, name), offset: offset)
            } else if current.kind == .symbol(.openBracket) {
                advance()
                let index = try parseNested()
                try expect(.closeBracket)
                base = try node(.index(base, index), offset: offset)
            } else {
                return base
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let n):
            advance()
            return try node(.literal(.number(n)), offset: token.offset)
        case .string(let s):
            advance()
            return try node(.literal(.string(s)), offset: token.offset)
        case .symbol(.openParen):
            advance()
            let inner = try parseNested()
            try expect(.closeParen)
            return inner
        case .identifier(let name):
            advance()
            if current.kind == .symbol(.openParen) { return try parseCall(name, offset: token.offset) }
            return try node(Self.keywords[name].map { .literal($0) } ?? .name(name), offset: token.offset)
        default:
            throw expected("a value")
        }
    }

    private mutating func parseCall(_ name: String, offset: Int) throws(ExpressionError) -> ExpressionNode {
        guard let function = ExpressionFunction.named(name) else {
            let known = ExpressionFunction.allCases.map(\.rawValue).joined(separator: ", ")
            throw ExpressionError(.syntax, "unknown function '\(name)' (known: \(known))", offset: offset,
                expression: source)
        }
        advance()
        var arguments: [ExpressionNode] = []
        if current.kind != .symbol(.closeParen) {
            arguments.append(try parseNested())
            while current.kind == .symbol(.comma) {
                advance()
                arguments.append(try parseNested())
            }
        }
        guard current.kind == .symbol(.closeParen) else { throw expected("',' or ')'") }
        advance()
        guard function.arity.contains(arguments.count) else {
            throw ExpressionError(.syntax, "\(function.rawValue)() takes \(function.arityDescription) but got "
                + "\(arguments.count)", offset: offset, expression: source)
        }
        return try node(.call(function, arguments), offset: offset)
    }

    // MARK: - Helpers

    /// Words that are literals where a value is expected (after a `.` they are ordinary property names).
    private static let keywords: [String: JSONValue] = [
        "null": .null, "true": .bool(true), "false": .bool(false), "NaN": .number(.nan), "Infinity": .number(.infinity),
    ]

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private mutating func parseNested() throws(ExpressionError) -> ExpressionNode {
        try enter()
        defer { nesting -= 1 }
        return try parseBinary(level: 0)
    }

    private mutating func enter() throws(ExpressionError) {
        nesting += 1
        if nesting > Self.maximumDepth { throw error("the expression nests too deeply") }
    }

    private mutating func expect(_ symbol: ExpressionToken.Symbol) throws(ExpressionError) {
        guard current.kind == .symbol(symbol) else { throw expected("'\(symbol.rawValue)'") }
        advance()
    }

    private func node(_ kind: ExpressionNode.Kind, offset: Int) throws(ExpressionError) -> ExpressionNode {
        let node = ExpressionNode(kind, offset: offset)
        if node.depth > Self.maximumDepth { throw error("the expression nests too deeply") }
        return node
    }

    private func expected(_ what: String) -> ExpressionError {
        error("expected \(what) but found \(current.found)")
    }

    private func error(_ message: String) -> ExpressionError {
        ExpressionError(.syntax, message, offset: current.offset, expression: source)
    }
}
