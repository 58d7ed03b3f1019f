public import Foundation
import GRDB

/// The gateway's SQLite database (WAL mode) in `stateDir`, with its ordered migrations.
public final class GatewayDatabase: Sendable {
    /// The connection pool; SQL lives only in `Store/SQLite/`.
    let pool: DatabasePool
    /// Path of the database file.
    public let path: String

    /// Opens (creating when missing) `<stateDir>/gw.sqlite` and migrates it.
    /// - Throws: `GatewayError` when the folder or file cannot be used, or the file was written by a newer gw.
    public init(stateDir: String, sync: GatewayConfig.StorageSync) throws {
        try Self.ensureDirectory(stateDir)
        path = (stateDir as NSString).appendingPathComponent("gw.sqlite")
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(sync == .full ? "FULL" : "NORMAL")")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw GatewayError(.internalError, "cannot open the database \(path): \(error)")
        }
        try migrate()
    }

    private func migrate() throws {
        let migrator = Self.migrator
        try pool.read { db in
            if try migrator.hasBeenSuperseded(db) {
                throw GatewayError(.internalError,
                                   "the database \(path) was written by a newer version of gw; refusing to touch it")
            }
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw GatewayError(.internalError, "cannot migrate the database \(path): \(error)")
        }
    }

    private static func ensureDirectory(_ dir: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw GatewayError(.internalError, "stateDir \(dir) is not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw GatewayError(.internalError, "cannot create stateDir \(dir): \(error.localizedDescription)")
            }
        }
        guard access(dir, W_OK) == 0 else {
            throw GatewayError(.internalError, "stateDir \(dir) is not writable")
        }
    }
}
