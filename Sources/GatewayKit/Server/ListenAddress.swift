/// Parses `host:port` listen addresses (`127.0.0.1:7070`, `[::1]:0`, `:7070`).
enum ListenAddress {
    static func parse(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":") else {
            throw GatewayError(.badRequest, "invalid listen address \"\(text)\": expected host:port, e.g. 127.0.0.1:7070")
        }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw GatewayError(.badRequest, "invalid listen address \"\(text)\": the port must be 0-65535")
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}
