import GRDB

extension GatewayDatabase {
    /// Tables for schedules, trigger state and webhook deliveries.
    static func migrateSchedules(_ db: Database) throws {
    }
}
