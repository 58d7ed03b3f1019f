import GRDB

extension GatewayDatabase {
    /// Reads one gateway setting (e.g. `paused`).
    public func stateValue(_ key: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM gateway_state WHERE key = ?", arguments: [key])
        }
    }

    /// Writes one gateway setting, committed before returning.
    public func setStateValue(_ key: String, _ value: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO gateway_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }
}
