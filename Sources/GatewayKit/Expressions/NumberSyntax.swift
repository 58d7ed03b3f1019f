/// GitHub's number syntax, shared by number literals and by string-to-number coercion.
enum NumberSyntax {
    /// Parses a decimal (`12`, `-1.5`, `2e3`, `.5`), hex (`0xff`) or octal (`0o17`) number, with an optional sign.
    /// - Returns: `nil` when `text` is anything else (including `inf`, `nan` and surrounding whitespace).
    static func parse(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body.count > 2, body.hasPrefix("0x") || body.hasPrefix("0X") {
            return integer(body.dropFirst(2), radix: 16).map { sign * $0 }
        }
        if body.count > 2, body.hasPrefix("0o") || body.hasPrefix("0O") {
            return integer(body.dropFirst(2), radix: 8).map { sign * $0 }
        }
        guard isDecimal(body), let value = Double(body) else { return nil }
        return sign * value
    }

    /// The number a string coerces to: blank is 0, `Infinity`/`-Infinity` are infinite, anything unparsable is NaN.
    static func coerce(_ text: String) -> Double {
        let trimmed = trimmed(text)
        if trimmed.isEmpty { return 0 }
        if trimmed == "Infinity" { return .infinity }
        if trimmed == "-Infinity" { return -.infinity }
        return parse(trimmed) ?? .nan
    }

    /// Digits only (no sign) in `radix`, when they fit in 64 bits.
    private static func integer(_ digits: Substring, radix: Int) -> Double? {
        guard digits.allSatisfy({ ($0.hexDigitValue ?? radix) < radix }) else { return nil }
        return UInt64(digits, radix: radix).map { Double($0) }
    }

    /// `text` without leading and trailing whitespace.
    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// `digits [. digits] [e [+-] digits]` with at least one mantissa digit.
    private static func isDecimal(_ text: Substring) -> Bool {
        var i = text.startIndex
        var mantissaDigits = 0
        func skipDigits() -> Int {
            var count = 0
            while i < text.endIndex, text[i].isASCII, text[i].isNumber {
                i = text.index(after: i)
                count += 1
            }
            return count
        }
        mantissaDigits += skipDigits()
        if i < text.endIndex, text[i] == "." {
            i = text.index(after: i)
            mantissaDigits += skipDigits()
        }
        guard mantissaDigits > 0 else { return false }
        if i < text.endIndex, text[i] == "e" || text[i] == "E" {
            i = text.index(after: i)
            if i < text.endIndex, text[i] == "+" || text[i] == "-" { i = text.index(after: i) }
            guard skipDigits() > 0 else { return false }
        }
        return i == text.endIndex
    }
}
