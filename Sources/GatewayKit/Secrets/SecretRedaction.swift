import Synchronization

/// The one redaction point of a gateway: every value on its way to the store, a stream, the log or an answer
/// passes through here. Holds every secret value this process has loaded (a reload adds the new values and
/// keeps the old ones, so records of runs that started before it stay masked).
public final class SecretRedaction: Sendable {
    private let state = Mutex<(values: Set<String>, redactor: Redactor)>(([], Redactor(secrets: [])))

    public init(secrets: [String] = []) { add(secrets) }

    /// Adds secret values to mask from now on.
    public func add<S: Sequence>(_ secrets: S) where S.Element == String {
        state.withLock { s in
            let before = s.values.count
            s.values.formUnion(secrets.filter { !$0.isEmpty })
            if s.values.count != before { s.redactor = Redactor(secrets: Array(s.values)) }
        }
    }

    /// The current redactor (a value: cheap to copy, safe to use without the lock).
    package var redactor: Redactor { state.withLock { $0.redactor } }

    package func redact(_ s: String) -> String { redactor.redact(s) }
    package func redact(_ v: JSONValue) -> JSONValue { redactor.redact(v) }

    /// Secrets shorter than this are refused at load: masking them would mask half the world.
    public static let minimumLength = 4
}
