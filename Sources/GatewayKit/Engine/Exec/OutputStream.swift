/// One of a child's two output streams (named like this in `step.log` events).
package enum OutputStream: String, Sendable {
    /// The child's standard output.
    case stdout
    /// The child's standard error.
    case stderr
}
