/// A syntax or evaluation error in a `${{ … }}` expression.
///
/// Messages never contain runtime values (they may be secrets), only source text and type names.
package struct ExpressionError: Error, Sendable, CustomStringConvertible {
    /// Whether the error was found while parsing or while evaluating.
    package enum Kind: Sendable, Hashable {
        /// The text is not a valid expression (found at load time).
        case syntax
        /// The expression is valid but failed against a context (found at run time).
        case evaluation
    }

    /// Whether this is a syntax or an evaluation error.
    package var kind: Kind
    /// What went wrong; syntax errors say what was expected and what was found.
    package var message: String
    /// 0-based character offset of the problem inside the template string.
    package var offset: Int
    /// The source text of the expression, without the `${{` `}}` delimiters.
    package var expression: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: Syntax or evaluation.
    ///   - message: What went wrong.
    ///   - offset: 0-based character offset inside the template string.
    ///   - expression: The expression's source text.
    package init(_ kind: Kind, _ message: String, offset: Int, expression: String) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.expression = expression
    }

    /// `${{ expression }}: message (offset n)`.
    package var description: String {
        "${{ \(expression) }}: \(message) (offset \(offset))"
    }
}
