/// Range checks for integer query parameters. The generated server stubs decode the type but do not enforce
/// the `minimum`/`maximum` the OpenAPI document declares, so the handlers check them here: a value out of
/// range is a 400 `bad_request` naming the parameter, never a silently clamped answer.
enum QueryBounds {
    /// Returns `value` (or `fallback` when absent) after checking it lies in `range`.
    static func check(_ value: Int?, _ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let value else { return fallback }
        guard range.contains(value) else {
            throw GatewayError(.badRequest, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }
}
