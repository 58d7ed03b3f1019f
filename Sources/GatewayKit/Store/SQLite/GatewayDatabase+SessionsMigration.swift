import GRDB

extension GatewayDatabase {
    /// Tables for ACP sessions.
    static func migrateSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY NOT NULL,
                agent TEXT NOT NULL,
                key TEXT,
                acp_session_id TEXT,
                state TEXT NOT NULL,
                pid INTEGER,
                pipeline_id TEXT,
                last_run_id TEXT,
                turns INTEGER NOT NULL DEFAULT 0,
                created_at REAL NOT NULL,
                last_used_at REAL NOT NULL,
                expires_at REAL,
                cwd TEXT NOT NULL
            ) STRICT;
            CREATE INDEX sessions_key ON sessions(agent, key, state);
            """)
    }
}
