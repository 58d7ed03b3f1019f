import Foundation

/// The admin token gw writes on first start when no token is configured.
public enum BootstrapToken {
    /// Reads `<stateDir>/admin.token`, creating it (mode 0600, random 32 bytes hex) when missing.
    /// - Returns: the token and the file's path.
    /// - Throws: `GatewayError` when the file cannot be written.
    public static func loadOrCreate(stateDir: String) throws -> (token: String, path: String) {
        let path = (stateDir as NSString).appendingPathComponent("admin.token")
        if let data = FileManager.default.contents(atPath: path) {
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !token.isEmpty { return (token, path) }
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let token = "gw_" + bytes.map { String(format: "%02x", $0) }.joined()
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw GatewayError(.internalError, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let line = token + "\n"
        _ = line.withCString { write(fd, $0, strlen($0)) }
        fchmod(fd, 0o600)
        return (token, path)
    }
}

extension TokenVerifier {
    /// The configured tokens (see `resolve`), or, when none is configured at all, the bootstrap admin token of
    /// `stateDir` (created on first use). Used at start and by every reload.
    /// - Returns: the verifier, and the bootstrap token file's path when that token is the one in use.
    static func resolveOrBootstrap(_ config: GatewayConfig, stateDir: String, environment: [String: String]) throws
        -> (verifier: TokenVerifier, bootstrapPath: String?) {
        let configured = try resolve(config.tokens, environment: environment)
        guard configured.isEmpty else { return (configured, nil) }
        let (token, path) = try BootstrapToken.loadOrCreate(stateDir: stateDir)
        return (.single(name: "admin", token: token), path)
    }
}
