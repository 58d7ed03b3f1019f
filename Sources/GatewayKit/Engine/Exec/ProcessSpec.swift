/// What to run as a child process: the argv, its whole environment, a working directory and stdin.
package struct ProcessSpec: Sendable {
    /// The command and its arguments; `argv[0]` is looked up in gw's `PATH` when it has no slash.
    package var argv: [String]
    /// The child's entire environment: nothing of gw's own environment reaches the child.
    package var environment: [String: String]
    /// The working directory, or nil for gw's own.
    package var cwd: String?
    /// Text written to the child's stdin before it is closed; nil gives the child `/dev/null`.
    package var stdin: String?

    /// Creates a spec; the environment defaults to empty, not to gw's.
    package init(argv: [String], environment: [String: String] = [:], cwd: String? = nil, stdin: String? = nil) {
        self.argv = argv
        self.environment = environment
        self.cwd = cwd
        self.stdin = stdin
    }
}
