import Foundation

/// Reading strings as templates: syntax errors land on their column, references are noted for later.
extension PipelineLoader {
    /// A string field as a template.
    /// - Throws: `LoadError` for a non-string or a syntax error.
    func template(_ r: YAMLReader, what: String) throws -> Template {
        let text = try r.string(what: what)
        let parsed: Template
        do {
            parsed = try Template.parse(text)
        } catch {
            throw expressionError(error, at: r, text: text, what: what)
        }
        note(parsed.expressions, at: r, text: text, shift: 0)
        return parsed
    }

    /// An `if:` condition: `${{ expr }}` or a bare expression.
    /// - Throws: `LoadError` for a syntax error or text around a `${{ }}`.
    func condition(_ r: YAMLReader) throws -> Template {
        let text = try r.string(what: "if")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("${{") {
            guard trimmed.hasPrefix("${{"), trimmed.hasSuffix("}}"), trimmed.components(separatedBy: "${{").count == 2
            else { throw r.error("if must be one expression: either ${{ … }} alone or a bare expression") }
            return try template(r, what: "if")
        }
        let bare: TemplateExpression
        do {
            bare = try TemplateExpression.parse(text)
        } catch {
            throw expressionError(error, at: r, text: text, what: "if")
        }
        note([bare], at: r, text: text, shift: 0)
        do {
            return try Template.parse("${{ \(text) }}")
        } catch {
            throw expressionError(error, at: r, text: text, what: "if")
        }
    }

    /// Any YAML value whose strings may hold expressions.
    /// - Throws: `LoadError` at the first bad string.
    func valueTemplate(_ r: YAMLReader, what: String) throws -> ValueTemplate {
        switch r.node {
        case .scalar:
            let json = try r.json()
            guard case .string = json else { return .literal(json) }
            let parsed = try template(r, what: what)
            return parsed.isLiteral ? .literal(json) : .string(parsed)
        case .sequence:
            return .array(try r.sequence(what: what).map { try valueTemplate($0, what: what) })
        case .mapping:
            var out: [String: ValueTemplate] = [:]
            for member in try r.mapping(what: what) {
                out[member.key] = try valueTemplate(member.value, what: "\(what).\(member.key)")
            }
            return .object(out)
        case .alias:
            throw r.error("YAML aliases are not supported")
        }
    }

    // MARK: - Positions

    /// The error for a bad expression, placed on its column when the string is written as-is on one line.
    func expressionError(_ error: ExpressionError, at r: YAMLReader, text: String, what: String) -> LoadError {
        let at = position(of: r, text: text, offset: error.offset)
        return LoadError(file: file, line: at.line, column: at.column,
                         message: "\(what): invalid expression ${{ \(error.expression) }}: \(error.message)")
    }

    /// The position of character `offset` of the string `text` written at `r`.
    ///
    /// Exact for a single-line plain scalar and for a quoted one without escapes; otherwise the value's position.
    func position(of r: YAMLReader, text: String, offset: Int) -> SourcePosition {
        let start = position(of: r)
        guard case .scalar(let scalar) = r.node, start.line >= 1, start.line <= lines.count else { return start }
        let line = lines[start.line - 1]
        let from = start.column - 1
        let raw: [Character]
        switch scalar.style {
        case .plain: raw = Array(text)
        case .singleQuoted where !text.contains("'"): raw = Array("'\(text)'")
        case .doubleQuoted where !text.contains("\"") && !text.contains("\\"): raw = Array("\"\(text)\"")
        default: return start
        }
        guard from >= 0, from + raw.count <= line.count, Array(line[from..<from + raw.count]) == raw else {
            return start
        }
        let quote = scalar.style == .plain ? 0 : 1
        return SourcePosition(line: start.line, column: start.column + quote + offset)
    }

    // MARK: - References

    /// Notes the references of `expressions` for the check that runs once every step is known.
    func note(_ expressions: [TemplateExpression], at r: YAMLReader, text: String, shift: Int) {
        for expression in expressions {
            let at = position(of: r, text: text, offset: expression.offset + shift)
            for path in expression.references {
                pendingReferences.append(PendingReference(path: path, expression: expression.source,
                                                          position: at, scope: scope))
            }
        }
    }
}
