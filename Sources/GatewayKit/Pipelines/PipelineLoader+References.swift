/// What an expression may name at one place of a pipeline file.
struct ReferenceScope {
    /// The top-level names of a step's expressions.
    static let pipelineRoots = ["input", "steps", "run", "pipeline", "secrets"]

    /// Top-level names allowed here.
    var roots: [String]
    /// Steps whose results exist when this place is evaluated; nil: every step (the pipeline's `output`).
    var visibleSteps: Set<String>?
    /// The step being read, if any.
    var stepID: String?
}

/// A reference found in an expression, checked when every step id is known.
struct PendingReference {
    /// `["steps", "build", "output"]`.
    var path: [String]
    /// The expression's source, for the message.
    var expression: String
    /// Where the expression is written.
    var position: SourcePosition
    /// What was visible there.
    var scope: ReferenceScope
}

extension PipelineLoader {
    /// Records an error for every noted reference to an unknown name, step or secret.
    func checkReferences() {
        for reference in pendingReferences {
            guard let problem = problem(with: reference) else { continue }
            errors.append(LoadError(file: file, line: reference.position.line, column: reference.position.column,
                                    message: "\(problem) in expression ${{ \(reference.expression) }}"))
        }
    }

    private func problem(with reference: PendingReference) -> String? {
        let path = reference.path
        let scope = reference.scope
        guard let name = path.first else { return nil }
        guard scope.roots.contains(name) else {
            let available = scope.roots.isEmpty ? "none" : scope.roots.joined(separator: ", ")
            return "unknown name '\(name)' (available here: \(available))"
        }
        guard path.count > 1 else { return nil }
        switch name {
        case "steps": return stepProblem(path[1], scope: scope)
        case "secrets":
            guard !options.secrets.contains(path[1]) else { return nil }
            let declared = options.secrets.isEmpty ? "none" : options.secrets.sorted().joined(separator: ", ")
            return "unknown secret '\(path[1])' (declared in gw.yaml: \(declared))"
        default: return nil
        }
    }

    private func stepProblem(_ id: String, scope: ReferenceScope) -> String? {
        guard stepPositions[id] != nil else { return "unknown step '\(id)'" }
        guard let visible = scope.visibleSteps, !visible.contains(id) else { return nil }
        if id == scope.stepID { return "step '\(id)' cannot use its own result" }
        let here = scope.stepID.map { "step '\($0)'" } ?? "this place"
        return "step '\(id)' has not run yet at \(here) (only steps that finish before it can be used)"
    }
}
