import Foundation

/// A string that may contain `${{ … }}` expressions, parsed once and evaluated per run.
package struct Template: Sendable {
    /// A piece of the template: literal text or an expression.
    enum Segment: Sendable {
        case literal(String)
        case expression(TemplateExpression)
    }

    /// The original text.
    package let text: String
    let segments: [Segment]

    /// Parses `text`, checking the syntax of every expression in it.
    /// - Throws: `ExpressionError` of kind `.syntax`; its offset counts characters from the start of `text`.
    package static func parse(_ text: String) throws(ExpressionError) -> Template {
        guard text.contains("${{") else { return Template(text: text, segments: text.isEmpty ? [] : [.literal(text)]) }
        let chars = Array(text)
        var segments: [Segment] = []
        var literal = ""
        var i = 0
        while i < chars.count {
            guard Self.opensExpression(chars, at: i) else {
                literal.append(chars[i])
                i += 1
                continue
            }
            let start = i + 3
            guard let end = Self.closingBraces(chars, from: start) else {
                let source = String(chars[start...]).trimmingCharacters(in: .whitespacesAndNewlines)
                throw ExpressionError(.syntax, "expected '}}' to close '${{' but found end of text", offset: i,
                    expression: source)
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.expression(try TemplateExpression(chars: chars, range: start..<end)))
            i = end + 2
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return Template(text: text, segments: segments)
    }

    /// True when the text contains no expression.
    package var isLiteral: Bool {
        expressions.isEmpty
    }

    /// The expressions in order of appearance.
    package var expressions: [TemplateExpression] {
        segments.compactMap { if case .expression(let e) = $0 { e } else { nil } }
    }

    /// Every property path rooted at a context name, in order of appearance, without duplicates
    /// (see `TemplateExpression.references`).
    package var references: [[String]] {
        expressions.flatMap(\.references).reduce(into: []) { paths, path in
            if !paths.contains(path) { paths.append(path) }
        }
    }

    /// Evaluates the template.
    ///
    /// A text that is exactly one `${{ … }}` yields the expression's value with its JSON type; any other text
    /// yields a string in which each expression is replaced by its text (`null` is empty, objects are JSON).
    /// - Throws: `ExpressionError` of kind `.evaluation`.
    package func evaluate(_ context: ExpressionContext) throws(ExpressionError) -> JSONValue {
        if segments.count == 1, case .expression(let expression) = segments[0] {
            return try expression.evaluate(context)
        }
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let text): result += text
            case .expression(let expression): result += try expression.evaluate(context).expressionText
            }
        }
        return .string(result)
    }

    // MARK: - Scanning

    private static func opensExpression(_ chars: [Character], at i: Int) -> Bool {
        i + 2 < chars.count && chars[i] == "$" && chars[i + 1] == "{" && chars[i + 2] == "{"
    }

    /// The index of the `}}` that ends an expression starting at `start`, skipping quoted strings.
    private static func closingBraces(_ chars: [Character], from start: Int) -> Int? {
        var inString = false
        var i = start
        while i < chars.count {
            if chars[i] == "'" {
                inString.toggle()
            } else if !inString, chars[i] == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                return i
            }
            i += 1
        }
        return nil
    }
}
