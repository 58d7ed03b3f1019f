/// One lexical unit of an expression, with its position in the template string.
struct ExpressionToken: Sendable, Equatable {
    /// Punctuation and operators.
    enum Symbol: String, Sendable, CaseIterable {
        case openParen = "("
        case closeParen = ")"
        case openBracket = "["
        case closeBracket = "]"
        case dot = "."
        case comma = ","
        case star = "*"
        case not = "!"
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case and = "&&"
        case or = "||"
    }

    /// What the token is.
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case symbol(Symbol)
        case end
    }

    let kind: Kind
    /// The token's source text.
    let text: String
    /// 0-based character offset in the template string.
    let offset: Int

    /// How the token is named in "expected … but found …" messages.
    var found: String {
        switch kind {
        case .end: "end of expression"
        case .string: "string \(text)"
        case .number: "number \(text)"
        case .identifier, .symbol: "'\(text)'"
        }
    }

    /// Whether the token can end an operand, which makes a following `-` a (missing) operator, not a sign.
    var endsOperand: Bool {
        switch kind {
        case .number, .string, .identifier, .symbol(.closeParen), .symbol(.closeBracket): true
        case .symbol, .end: false
        }
    }
}
