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
        return migrator
    }
}
