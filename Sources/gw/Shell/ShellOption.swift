import Foundation

/// One option of a command as its help screen shows it: its names, whether it takes a value, its values.
struct ShellOption: Sendable, Equatable {
    /// Every spelling, short and long (`-o`, `--output`).
    var names: [String]
    /// Whether a value follows (`--addr <url>`), as opposed to a flag (`--no-color`).
    var takesValue: Bool
    /// The values argument-parser lists for an enumerable option (`table`, `json`, `yaml`).
    var values: [String] = []

    /// The options listed in the `OPTIONS:` section of an argument-parser help screen.
    ///
    /// argument-parser has no public API to list a command's options, so this reads them from the
    /// rendered help (best rendered wide, so that no name is wrapped): each line of the section that
    /// starts with `-` names an option; text up to the first double space holds its names and value.
    static func parse(helpText: String) -> [ShellOption] {
        var options: [ShellOption] = []
        var inOptions = false
        for line in helpText.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && line.hasSuffix(":") && !line.isEmpty {
                inOptions = line == "OPTIONS:"
                continue
            }
            let trimmed = line.drop(while: { $0 == " " })
            guard inOptions, trimmed.hasPrefix("-"), let option = parse(entry: trimmed) else { continue }
            options.append(option)
        }
        return options
    }

    /// One option from a help line such as `-o, --output <format>   Output format (values: a, b)`.
    private static func parse(entry: Substring) -> ShellOption? {
        let synopsis = entry.range(of: "  ").map { entry[..<$0.lowerBound] } ?? entry
        var names: [String] = []
        for part in synopsis.split(whereSeparator: { $0 == " " || $0 == "," }) where part.hasPrefix("-") {
            names += expand(String(part))
        }
        guard !names.isEmpty else { return nil }
        return ShellOption(names: names, takesValue: synopsis.contains("<"), values: values(in: entry))
    }

    /// `--[no-]color` stands for `--color` and `--no-color`; `--a/--b` for both names.
    private static func expand(_ name: String) -> [String] {
        let alternatives = name.split(separator: "/").map(String.init)
        return alternatives.flatMap { name -> [String] in
            guard let range = name.range(of: "[no-]") else { return [name] }
            return [name.replacingCharacters(in: range, with: ""), name.replacingCharacters(in: range, with: "no-")]
        }
    }

    /// The values of `(values: a, b, c)` in a help line.
    private static func values(in entry: Substring) -> [String] {
        guard let start = entry.range(of: "(values: "), let end = entry[start.upperBound...].firstIndex(of: ")") else {
            return []
        }
        return entry[start.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
