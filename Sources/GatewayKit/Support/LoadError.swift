/// An error in a file gw reads (`gw.yaml`, a pipeline), with its position.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// 1-based line; 0 when the error concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// What is wrong, and what would be right.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }

    /// As a JSON object for error `details`.
    public var json: JSONValue {
        ["file": .string(file), "line": .number(Double(line)), "column": .number(Double(column)), "message": .string(message)]
    }
}

/// One or more load errors, reported together.
public struct LoadErrors: Error, Sendable, CustomStringConvertible {
    /// Every error found, in file order.
    public var errors: [LoadError]
    public init(_ errors: [LoadError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
