import GRDB

extension GatewayDatabase {
    /// Tables for approvals, breakpoints and the audit log.
    static func migratePeople(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE breakpoints (
                step_id TEXT NOT NULL,
                pipeline_id TEXT NOT NULL DEFAULT '',
                created_at REAL NOT NULL,
                actor TEXT NOT NULL,
                PRIMARY KEY (step_id, pipeline_id)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                reason TEXT,
                run_id TEXT,
                hash TEXT NOT NULL,
                prev_hash TEXT NOT NULL
            ) STRICT;
            CREATE INDEX audit_run ON audit(run_id);
            """)
    }
}
