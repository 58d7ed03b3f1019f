import GRDB

extension GatewayDatabase {
    /// The ordered, append-only list of schema migrations. Never edit a shipped one; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-gateway-state") { db in
            try db.execute(sql: """
                CREATE TABLE gateway_state (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) STRICT
                """)
        }
        migrator.registerMigration("v2-runs", migrate: migrateRuns)
        migrator.registerMigration("v3-schedules", migrate: migrateSchedules)
        migrator.registerMigration("v4-people", migrate: migratePeople)
        migrator.registerMigration("v5-sessions", migrate: migrateSessions)
        migrator.registerMigration("v6-retries", migrate: migrateRetries)
        migrator.registerMigration("v7-last-run-ids", migrate: migrateLastRunIds)
        return migrator
    }
}

extension GatewayDatabase {
    /// Runs, steps, events, idempotency keys and pinned pipeline versions.
    static func migrateRuns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE pipeline_versions (
                version TEXT PRIMARY KEY NOT NULL,
                pipeline_id TEXT NOT NULL,
                file TEXT NOT NULL,
                source TEXT NOT NULL
            ) STRICT;
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY NOT NULL,
                pipeline_id TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                status TEXT NOT NULL,
                input TEXT NOT NULL,
                output TEXT,
                error TEXT,
                trigger TEXT NOT NULL,
                parent_run_id TEXT,
                idempotency_key TEXT,
                created_at REAL NOT NULL,
                started_at REAL,
                finished_at REAL,
                waiting_on TEXT NOT NULL DEFAULT '[]',
                last_seq INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX runs_status ON runs(status);
            CREATE INDEX runs_pipeline ON runs(pipeline_id, run_id);
            CREATE TABLE steps (
                run_id TEXT NOT NULL,
                step_key TEXT NOT NULL,
                step_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                started_at REAL,
                finished_at REAL,
                output TEXT,
                error TEXT,
                wake_at REAL,
                ordinal INTEGER NOT NULL,
                PRIMARY KEY (run_id, step_key)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE events (
                run_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                at REAL NOT NULL,
                step_id TEXT,
                data TEXT NOT NULL,
                PRIMARY KEY (run_id, seq)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE idempotency_keys (
                pipeline_id TEXT NOT NULL,
                key TEXT NOT NULL,
                body_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                created_at REAL NOT NULL,
                PRIMARY KEY (pipeline_id, key)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
