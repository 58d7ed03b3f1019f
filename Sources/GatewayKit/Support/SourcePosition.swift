/// A 1-based line and column in a source file, used to point error messages at the right place.
package struct SourcePosition: Sendable, Hashable {
    /// The line, starting at 1.
    package var line: Int
    /// The column, starting at 1.
    package var column: Int

    /// Creates a position from a 1-based line and column.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
