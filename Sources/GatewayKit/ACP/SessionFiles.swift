import Foundation

/// `fs/read_text_file` and `fs/write_text_file` confined to a session's `cwd`: a path that resolves (after
/// `..` and symlinks) outside it is refused.
struct SessionFiles: Sendable {
    /// The confining directory, symlinks resolved.
    let root: String

    init(cwd: String) {
        root = (cwd as NSString).resolvingSymlinksInPath
    }

    /// `fs/read_text_file {path, line?, limit?}` → `{content}` (`line` is 1-based).
    func read(_ params: JSONValue) throws -> JSONValue {
        let path = try confined(params["path"]?.stringValue)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ACPError.refused("cannot read \(path)", code: -32002)
        }
        var text = String(decoding: data, as: UTF8.self)
        let line = params["line"]?.numberValue.map { max(1, Int($0)) }
        let limit = params["limit"]?.numberValue.map { max(0, Int($0)) }
        if line != nil || limit != nil {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst((line ?? 1) - 1)
            text = lines.prefix(limit ?? lines.count).joined(separator: "\n")
        }
        return ["content": .string(text)]
    }

    /// `fs/write_text_file {path, content}` → `{}`; creates missing parent folders inside the root.
    func write(_ params: JSONValue) throws -> JSONValue {
        let path = try confined(params["path"]?.stringValue)
        guard let content = params["content"]?.stringValue else { throw ACPError.refused("fs/write_text_file needs content") }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try content.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ACPError.refused("cannot write \(path): \(error.localizedDescription)", code: -32603)
        }
        return [:]
    }

    /// The absolute, resolved path, when it is inside the root.
    /// - Throws: `ACPError` when the path is missing, relative or escapes the root.
    func confined(_ path: String?) throws -> String {
        guard let path, path.hasPrefix("/") else { throw ACPError.refused("the path must be absolute") }
        let resolved = Self.resolve(path)
        guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw ACPError.refused("\(path) is outside the session's cwd \(root); access refused", code: -32001)
        }
        return resolved
    }

    /// `path` with `.`/`..` removed and symlinks resolved as far as the path exists.
    private static func resolve(_ path: String) -> String {
        let standard = (path as NSString).standardizingPath
        var existing = standard
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing) && existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let base = (existing as NSString).resolvingSymlinksInPath
        return rest.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }
}
