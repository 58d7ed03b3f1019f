import GRDB

extension GatewayDatabase {
    /// Tables for schedules, trigger state and webhook deliveries.
    static func migrateSchedules(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE schedules (
                id TEXT PRIMARY KEY NOT NULL,
                pipeline_id TEXT NOT NULL,
                source TEXT NOT NULL,
                fields TEXT NOT NULL,
                created_at REAL NOT NULL,
                paused INTEGER NOT NULL DEFAULT 0,
                fired INTEGER NOT NULL DEFAULT 0,
                dropped INTEGER NOT NULL DEFAULT 0,
                last_fired_at REAL,
                last_planned_at REAL,
                last_outcome TEXT,
                last_error TEXT,
                last_error_at REAL
            ) STRICT;
            CREATE TABLE trigger_fires (
                trigger_id TEXT PRIMARY KEY NOT NULL,
                last_fired_at REAL NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE webhook_deliveries (
                trigger_id TEXT NOT NULL,
                delivery_id TEXT NOT NULL,
                received_at REAL NOT NULL,
                PRIMARY KEY (trigger_id, delivery_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX webhook_deliveries_age ON webhook_deliveries(received_at);
            """)
    }
}
