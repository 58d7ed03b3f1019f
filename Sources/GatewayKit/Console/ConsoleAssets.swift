import Crypto
import Foundation

/// The console's files with their content type and ETag: compiled into the binary (`ConsoleFiles`), or read
/// from a folder on every request (`gw serve --console-dir DIR`, for editing the console without a rebuild).
struct ConsoleAssets: Sendable {
    /// One file, ready to send.
    struct Asset: Sendable {
        let bytes: [UInt8]
        let contentType: String
        /// A strong validator: the quoted start of the content's SHA-256.
        let etag: String

        init(path: String, bytes: [UInt8]) {
            self.bytes = bytes
            self.contentType = ConsoleAssets.contentType(for: path)
            self.etag = "\"" + SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        }
    }

    private enum Source: Sendable {
        case embedded([String: Asset])
        case directory(String)
    }

    private let source: Source

    /// The files compiled into the binary, or those of `directory` when one is given.
    init(directory: String? = nil) {
        if let directory, !directory.isEmpty {
            source = .directory(directory)
        } else {
            source = .embedded(Self.decodeEmbedded())
        }
    }

    /// The folder files are read from, nil when they come from the binary.
    var directory: String? {
        if case .directory(let dir) = source { return dir }
        return nil
    }

    /// The file at `path` (relative, `/`-separated, e.g. `app.js`), or nil when there is none or the path
    /// leaves the folder.
    func asset(_ path: String) -> Asset? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\0") }) else { return nil }
        switch source {
        case .embedded(let files):
            return files[path]
        case .directory(let dir):
            let full = (dir as NSString).appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: full) else { return nil }
            return Asset(path: path, bytes: Array(data))
        }
    }

    static func decodeEmbedded() -> [String: Asset] {
        var out: [String: Asset] = [:]
        for (path, content) in ConsoleFiles.all {
            switch content {
            case .text(let text): out[path] = Asset(path: path, bytes: Array(text.utf8))
            case .base64(let encoded): out[path] = Asset(path: path, bytes: Array(Data(base64Encoded: encoded) ?? Data()))
            }
        }
        return out
    }

    static func contentType(for path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "json", "map": return "application/json"
        case "webmanifest": return "application/manifest+json"
        case "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
