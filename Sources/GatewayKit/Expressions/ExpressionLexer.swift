/// Splits the characters of one expression into tokens.
struct ExpressionLexer {
    private let chars: [Character]
    private let end: Int
    private let source: String
    private var index: Int
    private var tokens: [ExpressionToken] = []

    /// Creates a lexer over `chars[range]`; offsets stay relative to the whole of `chars`.
    /// - Parameters:
    ///   - chars: The template's characters.
    ///   - range: The expression's characters.
    ///   - source: The expression's source text, for error messages.
    init(chars: [Character], range: Range<Int>, source: String) {
        self.chars = chars
        self.end = range.upperBound
        self.index = range.lowerBound
        self.source = source
    }

    /// Reads every token, ending with `.end`.
    /// - Throws: `ExpressionError` for unknown characters, unterminated strings and malformed numbers.
    mutating func tokenize() throws(ExpressionError) -> [ExpressionToken] {
        while true {
            while index < end, chars[index].isWhitespace { index += 1 }
            guard index < end else { break }
            let c = chars[index]
            if c == "'" {
                try readString()
            } else if c.isExpressionDigit || isSign(c) {
                try readNumber()
            } else if c.isIdentifierStart {
                let start = index
                while index < end, chars[index].isIdentifierPart { index += 1 }
                let text = String(chars[start..<index])
                tokens.append(ExpressionToken(kind: .identifier(text), text: text, offset: start))
            } else {
                try readSymbol()
            }
        }
        tokens.append(ExpressionToken(kind: .end, text: "", offset: end))
        return tokens
    }

    // MARK: - Token readers

    private mutating func readString() throws(ExpressionError) {
        let start = index
        var value = ""
        index += 1
        while true {
            guard index < end else {
                throw error("expected closing quote (') but found end of expression", at: start)
            }
            if chars[index] == "'" {
                if peek(1) == "'" {
                    value.append("'")
                    index += 2
                    continue
                }
                index += 1
                break
            }
            value.append(chars[index])
            index += 1
        }
        tokens.append(ExpressionToken(kind: .string(value), text: String(chars[start..<index]), offset: start))
    }

    private mutating func readNumber() throws(ExpressionError) {
        let start = index
        index += 1
        while index < end {
            let c = chars[index]
            let isExponentSign = (c == "+" || c == "-") && (chars[index - 1] == "e" || chars[index - 1] == "E")
            guard c.isIdentifierStart || c.isExpressionDigit || c == "." || (isExponentSign && !isHex(start)) else {
                break
            }
            index += 1
        }
        let text = String(chars[start..<index])
        guard let value = NumberSyntax.parse(text) else {
            throw error("expected a number but found '\(text)'", at: start)
        }
        tokens.append(ExpressionToken(kind: .number(value), text: text, offset: start))
    }

    private mutating func readSymbol() throws(ExpressionError) {
        let start = index
        let two = peek(1).map { String([chars[index], $0]) }
        let symbol: ExpressionToken.Symbol
        if let two, let match = ExpressionToken.Symbol(rawValue: two) {
            symbol = match
        } else if let match = ExpressionToken.Symbol(rawValue: String(chars[index])) {
            symbol = match
        } else {
            let c = chars[index]
            let expected = c == "=" ? "'=='" : c == "&" ? "'&&'" : c == "|" ? "'||'" : "an operator or a value"
            throw error("expected \(expected) but found '\(c)'", at: start)
        }
        index += symbol.rawValue.count
        tokens.append(ExpressionToken(kind: .symbol(symbol), text: symbol.rawValue, offset: start))
    }

    // MARK: - Helpers

    private func peek(_ distance: Int) -> Character? {
        index + distance < end ? chars[index + distance] : nil
    }

    /// A `-` or `+` that starts a number literal: followed by a digit and not after an operand.
    private func isSign(_ c: Character) -> Bool {
        (c == "-" || c == "+") && peek(1)?.isExpressionDigit == true && tokens.last?.endsOperand != true
    }

    private func isHex(_ start: Int) -> Bool {
        var i = start
        if chars[i] == "-" || chars[i] == "+" { i += 1 }
        return i + 1 < end && chars[i] == "0" && (chars[i + 1] == "x" || chars[i + 1] == "X")
    }

    private func error(_ message: String, at offset: Int) -> ExpressionError {
        ExpressionError(.syntax, message, offset: offset, expression: source)
    }
}

extension Character {
    /// `0`–`9`.
    fileprivate var isExpressionDigit: Bool { isASCII && isNumber }
    /// `A`–`Z`, `a`–`z` or `_`.
    fileprivate var isIdentifierStart: Bool { isASCII && (isLetter || self == "_") }
    /// An identifier start, a digit or `-` (GitHub allows dashes, as in `steps.ship-ok`).
    fileprivate var isIdentifierPart: Bool { isIdentifierStart || isExpressionDigit || self == "-" }
}
