import Foundation

/// A binary operator, with GitHub's precedence and (for comparisons) semantics.
enum ExpressionOperator: Sendable, CaseIterable {
    case or, and, equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    /// Operator groups from loosest to tightest binding; `!` binds tighter than all of them.
    static let precedence: [[ExpressionOperator]] = [
        [.or], [.and], [.equal, .notEqual], [.less, .lessOrEqual, .greater, .greaterOrEqual],
    ]

    /// The token that spells the operator.
    var symbol: ExpressionToken.Symbol {
        switch self {
        case .or: .or
        case .and: .and
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        }
    }

    /// Applies a comparison operator; `&&` and `||` short-circuit, so the evaluator handles them itself.
    func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch self {
        case .equal: lhs.looselyEquals(rhs)
        case .notEqual: !lhs.looselyEquals(rhs)
        case .less: lhs.looseOrder(rhs) == .orderedAscending
        case .lessOrEqual: lhs.looseOrder(rhs).map { $0 != .orderedDescending } ?? false
        case .greater: lhs.looseOrder(rhs) == .orderedDescending
        case .greaterOrEqual: lhs.looseOrder(rhs).map { $0 != .orderedAscending } ?? false
        case .and, .or: false
        }
    }
}
