/// Why a cron expression was rejected, worded for the person who wrote it.
///
/// The description reads `invalid cron "61 * * * *": minute: 61 is out of range 0-59`.
package struct CronError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The expression as it was given.
    package var expression: String
    /// The field at fault, or `nil` when the expression as a whole is wrong.
    package var field: CronField?
    /// What is wrong, e.g. `61 is out of range 0-59` or `expected 5 or 6 fields, got 4`.
    package var reason: String

    /// An error about `expression`, optionally pinned to one field.
    package init(expression: String, field: CronField? = nil, reason: String) {
        self.expression = expression
        self.field = field
        self.reason = reason
    }

    /// The full message: expression, field (when known) and reason.
    package var description: String {
        let prefix = "invalid cron \"\(expression)\": "
        guard let field else { return prefix + reason }
        return prefix + "\(field.rawValue): " + reason
    }
}
