import ArgumentParser

/// `--idempotency-key`: the same key for the same pipeline within 24 h returns the first run instead of a new one.
struct IdempotencyOptions: ParsableArguments {
    @Option(name: .long,
            help: ArgumentHelp(
                "Return the first run for a repeated key (same pipeline, within 24h; 255 characters at most)",
                valueName: "key"))
    var idempotencyKey: String?

    func validate() throws {
        if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.count > 255 {
            throw ValidationError("--idempotency-key must be 1 to 255 characters, not \(idempotencyKey.count)")
        }
    }
}
