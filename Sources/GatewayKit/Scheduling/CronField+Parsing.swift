// MARK: - Parsing one field

extension CronField {
    /// The set of values `text` allows in this field: a comma-separated list of `*`, `n`, `a-b`,
    /// each optionally followed by `/step`. Day-of-week 7 is folded into 0 (Sunday).
    ///
    /// - Parameters:
    ///   - text: the field's text.
    ///   - expression: the whole expression, quoted in errors.
    /// - Throws: `CronError` naming this field and the first problem found.
    func values(in text: Substring, of expression: String) throws -> CronSet {
        var set = CronSet()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw error("empty list item", in: expression) }
            set.formUnion(try values(inItem: item, of: expression))
        }
        if self == .dayOfWeek, set.contains(7) {
            set.remove(7)
            set.insert(0)
        }
        return set
    }

    /// The values of one list item: `*`, `n`, `a-b`, optionally with `/step`.
    private func values(inItem item: Substring, of expression: String) throws -> CronSet {
        var base = item
        var step: Int?
        if let slash = item.firstIndex(of: "/") {
            base = item[..<slash]
            let stepText = item[item.index(after: slash)...]
            guard let number = Self.number(stepText) else {
                throw error("invalid step \"\(stepText)\"", in: expression)
            }
            guard number >= 1 else { throw error("step must be ≥ 1", in: expression) }
            step = number
        }
        let range = try self.range(of: base, openEnded: step != nil, in: expression)
        var set = CronSet()
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step ?? 1) {
            set.insert(value)
        }
        return set
    }

    /// The range a base (`*`, `n` or `a-b`) covers; a lone `n` before a step runs to the field's end.
    private func range(of base: Substring, openEnded: Bool, in expression: String) throws -> ClosedRange<Int> {
        if base == "*" { return fullRange }
        guard base.contains("-") else {
            let start = try value(of: base, in: expression)
            return openEnded ? start...max(start, fullRange.upperBound) : start...start
        }
        let ends = base.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty else {
            throw error("invalid range \"\(base)\"", in: expression)
        }
        let low = try value(of: ends[0], in: expression)
        let high = try value(of: ends[1], in: expression)
        guard low <= high else { throw error("range \(base) is reversed", in: expression) }
        return low...high
    }

    /// One number or name, checked against the field's bounds.
    private func value(of text: Substring, in expression: String) throws -> Int {
        if let number = Self.number(text) {
            guard bounds.contains(number) else {
                let reason = "\(number) is out of range \(bounds.lowerBound)-\(bounds.upperBound)"
                throw error(reason, in: expression)
            }
            return number
        }
        let isWord = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isLetter }
        guard isWord, !names.isEmpty else { throw error("invalid value \"\(text)\"", in: expression) }
        guard let value = names[text.uppercased()] else {
            throw error("unknown name \"\(text)\"", in: expression)
        }
        return value
    }

    /// A non-negative decimal number made only of ASCII digits, or `nil`.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private func error(_ reason: String, in expression: String) -> CronError {
        CronError(expression: expression, field: self, reason: reason)
    }
}
