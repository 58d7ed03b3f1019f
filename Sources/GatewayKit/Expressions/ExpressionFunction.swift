/// A built-in function callable from an expression; names match case-insensitively.
enum ExpressionFunction: String, Sendable, CaseIterable {
    case contains, startsWith, endsWith, format, join, toJSON, fromJSON, length, keys
    case `default`

    /// Finds the function called `name`, ignoring case.
    static func named(_ name: String) -> ExpressionFunction? {
        let lowered = name.lowercased()
        return allCases.first { $0.rawValue.lowercased() == lowered }
    }

    /// How many arguments the function takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .contains, .startsWith, .endsWith, .default: 2...2
        case .format: 1...Int.max
        case .join: 1...2
        case .toJSON, .fromJSON, .length, .keys: 1...1
        }
    }

    /// The arity in words, for error messages: `2 arguments`, `1 or 2 arguments`, `at least 1 argument`.
    var arityDescription: String {
        let noun = { (n: Int) in n == 1 ? "\(n) argument" : "\(n) arguments" }
        if arity.upperBound == Int.max { return "at least " + noun(arity.lowerBound) }
        if arity.count == 1 { return noun(arity.lowerBound) }
        if arity.count == 2 { return "\(arity.lowerBound) or " + noun(arity.upperBound) }
        return "\(arity.lowerBound) to " + noun(arity.upperBound)
    }
}
