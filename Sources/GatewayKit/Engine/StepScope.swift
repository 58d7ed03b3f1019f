import Synchronization

/// The expression scope of a step: results of earlier steps, plus `item`/`index` inside `foreach`.
/// Nested scopes (a foreach iteration, a parallel branch) see their parent's results.
final class StepScope: Sendable {
    /// Prefix of step keys in this scope (`""`, or `loop[2]/`).
    let prefix: String
    let parent: StepScope?
    let locals: [String: JSONValue]
    private let results = Mutex<[String: JSONValue]>([:])

    init(prefix: String = "", parent: StepScope? = nil, locals: [String: JSONValue] = [:]) {
        self.prefix = prefix
        self.parent = parent
        self.locals = locals
    }

    /// Records a finished step's output and status for later expressions.
    func record(id: String, output: JSONValue?, status: String) {
        results.withLock { $0[id] = ["output": output ?? .null, "status": .string(status)] }
    }

    /// The output of step `id` visible from here.
    func output(of id: String) -> JSONValue? {
        results.withLock { $0[id]?["output"] } ?? parent?.output(of: id)
    }

    /// `steps.*` as seen from this scope.
    var steps: [String: JSONValue] {
        var merged = parent?.steps ?? [:]
        for (k, v) in results.withLock({ $0 }) { merged[k] = v }
        return merged
    }

    /// Every local (`item`, `index`…) visible from here.
    var allLocals: [String: JSONValue] {
        var merged = parent?.allLocals ?? [:]
        for (k, v) in locals { merged[k] = v }
        return merged
    }

    /// A child scope.
    func child(prefix: String, locals: [String: JSONValue] = [:]) -> StepScope {
        StepScope(prefix: prefix, parent: self, locals: locals)
    }
}
