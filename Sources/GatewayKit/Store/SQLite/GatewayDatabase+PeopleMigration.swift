import GRDB

extension GatewayDatabase {
    /// Tables for approvals, breakpoints and the audit log.
    static func migratePeople(_ db: Database) throws {
    }
}
