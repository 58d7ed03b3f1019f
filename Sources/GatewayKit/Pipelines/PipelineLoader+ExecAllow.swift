import Foundation

/// Checking `exec` programs against `exec.allow` (default-deny).
extension PipelineLoader {
    /// Shell builtins that start no program, accepted as the first word of a `run:` script without an
    /// `exec.allow` entry (`exec`, `eval`, `command`, `.`, `source` and `trap` are not among them).
    static let harmlessBuiltins: Set<String> = [
        "exit", "return", "cd", "set", "export", "unset", "true", "false", ":", "test", "[", "echo", "printf",
        "read", "shift", "umask", "wait", "local", "readonly", "break", "continue",
    ]

    /// Checks `command[0]`.
    func checkAllowed(command: [Template], at r: YAMLReader) {
        guard let first = command.first, let items = try? r.sequence(what: "command"), let item = items.first else {
            return
        }
        checkAllowed(program: first.text, templated: !first.isLiteral, at: position(of: item))
    }

    /// Checks a `run:` script. Scripts run under /bin/sh, so allowing `sh` allows any script; otherwise the
    /// first word (after blank lines, comments and `NAME=value` assignments) must be allowed.
    func checkAllowed(script: Template, at r: YAMLReader) {
        guard let (word, offset) = Self.firstWord(of: script.text) else {
            errors.append(r.error("run must not be empty"))
            return
        }
        let allowsShell = options.execAllow.contains { Glob.matches($0, "sh") || Glob.matches($0, "/bin/sh") }
        if allowsShell || Self.harmlessBuiltins.contains(word) { return }
        let at = position(of: r, text: script.text, offset: offset)
        checkAllowed(program: word, templated: word.contains("${{"), at: at)
    }

    private func checkAllowed(program: String, templated: Bool, at position: SourcePosition) {
        let allow = options.execAllow
        if allow.contains("*") { return }
        let allowed = allow.isEmpty ? "none" : allow.joined(separator: ", ")
        if templated {
            let message = "the program '\(program)' is an expression, which only exec.allow: ['*'] permits "
                + "(allowed: \(allowed))"
            errors.append(LoadError(file: file, line: position.line, column: position.column, message: message))
            return
        }
        let name = (program as NSString).lastPathComponent
        let ok = allow.contains { pattern in
            Glob.matches(pattern, name) || (pattern.contains("/") && Glob.matches(pattern, program))
        }
        if !ok {
            errors.append(LoadError(file: file, line: position.line, column: position.column,
                                    message: "command '\(name)' is not in exec.allow (allowed: \(allowed))"))
        }
    }

    /// The program of a shell script and its character offset, or nil for a script without one.
    static func firstWord(of script: String) -> (String, Int)? {
        let chars = Array(script)
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            if i < chars.count, chars[i] == "#" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            let start = i
            while i < chars.count, !chars[i].isWhitespace, chars[i] != ";" { i += 1 }
            guard start < i else { return nil }
            let word = String(chars[start..<i])
            if word.range(of: "^[A-Za-z_][A-Za-z0-9_]*=", options: .regularExpression) != nil { continue }
            return (word, start)
        }
        return nil
    }
}
