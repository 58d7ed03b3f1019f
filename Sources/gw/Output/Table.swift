/// Aligned text columns; on a pipe, tab-separated rows without headers.
struct Table {
    let headers: [String]
    let rows: [[String]]
    /// Whether to print the header line and align (a TTY).
    let aligned: Bool
    let bold: Bool
    let separator: String

    init(headers: [String], rows: [[String]], headers showHeaders: Bool, bold: Bool, separator: String? = nil) {
        self.headers = headers
        self.rows = rows
        self.aligned = showHeaders || separator == "  "
        self.bold = bold
        self.separator = separator ?? (showHeaders ? "  " : "\t")
        self.showHeaders = showHeaders && !headers.isEmpty
    }

    private let showHeaders: Bool

    /// The rendered table, one line per row, ending with a newline (empty when there are no rows and no headers).
    func render() -> String {
        let all = (showHeaders ? [headers.map { $0.uppercased() }] : []) + rows
        guard !all.isEmpty else { return "" }
        guard aligned else { return all.map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n" }
        let widths = (0..<(all.map(\.count).max() ?? 0)).map { i in all.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in all.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() {
                let padded = i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
                line += (i == 0 ? "" : separator) + padded
            }
            if index == 0 && showHeaders && bold { line = "\u{1B}[1m" + line + "\u{1B}[0m" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
