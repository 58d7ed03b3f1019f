import GRDB

extension GatewayDatabase {
    /// The link of a retry to the run it retries (`retryOf`); the original's `retries` are read back through the index.
    static func migrateRetries(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE runs ADD COLUMN retry_of_run_id TEXT;
            ALTER TABLE runs ADD COLUMN retry_from_step TEXT;
            CREATE INDEX runs_retry_of ON runs(retry_of_run_id, run_id);
            """)
    }
}
