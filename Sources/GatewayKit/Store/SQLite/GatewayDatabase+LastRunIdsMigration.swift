import GRDB

extension GatewayDatabase {
    /// The run a schedule or a trigger started last (`lastRunId` in `GET /schedules` and `GET /triggers`).
    static func migrateLastRunIds(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE schedules ADD COLUMN last_run_id TEXT;
            ALTER TABLE trigger_fires ADD COLUMN last_run_id TEXT;
            """)
    }
}
