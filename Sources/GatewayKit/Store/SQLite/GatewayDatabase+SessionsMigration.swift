import GRDB

extension GatewayDatabase {
    /// Tables for ACP sessions.
    static func migrateSessions(_ db: Database) throws {
    }
}
