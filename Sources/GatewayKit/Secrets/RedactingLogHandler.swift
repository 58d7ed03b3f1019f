public import Logging

/// A log handler that masks secrets in the message and the metadata before the wrapped handler writes them,
/// so the server's own log never shows a secret's value (an error quoting a failed command, a URL, …).
public struct RedactingLogHandler: LogHandler {
    private var inner: any LogHandler
    private let redaction: SecretRedaction

    public init(wrapping inner: any LogHandler, redaction: SecretRedaction) {
        self.inner = inner
        self.redaction = redaction
    }

    public func log(event: LogEvent) {
        let redactor = redaction.redactor
        guard redactor.masksAnything else { return inner.log(event: event) }
        var masked = event
        masked.message = "\(redactor.redact(event.message.description))"
        masked.metadata = event.metadata.map { Self.redact($0, redactor) }
        inner.log(event: masked)
    }

    private static func redact(_ metadata: Logger.Metadata, _ redactor: Redactor) -> Logger.Metadata {
        metadata.mapValues { redact($0, redactor) }
    }

    private static func redact(_ value: Logger.MetadataValue, _ redactor: Redactor) -> Logger.MetadataValue {
        switch value {
        case .string(let s): .string(redactor.redact(s))
        case .stringConvertible(let c): .string(redactor.redact(c.description))
        case .array(let a): .array(a.map { redact($0, redactor) })
        case .dictionary(let d): .dictionary(redact(d, redactor))
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }
}
