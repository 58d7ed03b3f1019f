/// The checks that span pipeline files.
extension PipelineSet {
    /// The pipelines by id and the errors across files.
    /// - Parameter complete: whether every file loaded; unknown `invoke` targets are only reported then
    ///   (a target may be defined in a file that failed).
    static func check(_ loaded: [LoadedPipeline], complete: Bool) -> ([String: Pipeline], [LoadError]) {
        var errors: [LoadError] = []
        var pipelines: [String: Pipeline] = [:]
        for item in loaded {
            let pipeline = item.pipeline
            if let other = pipelines[pipeline.id] {
                errors.append(error(pipeline.source, item.idPosition,
                                    "duplicate pipeline id '\(pipeline.id)' (also in \(other.source))"))
            } else {
                pipelines[pipeline.id] = pipeline
            }
        }
        errors += duplicateTriggers(loaded)
        errors += invokeErrors(pipelines, complete: complete)
        return (pipelines, errors)
    }

    /// Trigger ids are global; duplicates within one file are already reported by the loader.
    private static func duplicateTriggers(_ loaded: [LoadedPipeline]) -> [LoadError] {
        var seen: [String: (pipeline: Pipeline, position: SourcePosition)] = [:]
        var errors: [LoadError] = []
        for item in loaded {
            for trigger in item.pipeline.triggers {
                let position = item.triggerPositions[trigger.id] ?? SourcePosition(line: 0, column: 0)
                guard let first = seen[trigger.id] else {
                    seen[trigger.id] = (item.pipeline, position)
                    continue
                }
                guard first.pipeline.source != item.pipeline.source else { continue }
                let other = "pipeline '\(first.pipeline.id)', \(first.pipeline.source):\(first.position.line)"
                errors.append(error(item.pipeline.source, position, "duplicate trigger id '\(trigger.id)' (also in \(other))"))
            }
        }
        return errors
    }

    /// Unknown `invoke` targets and `invoke` cycles, each cycle reported once.
    private static func invokeErrors(_ pipelines: [String: Pipeline], complete: Bool) -> [LoadError] {
        var errors: [LoadError] = []
        var edges: [String: [(target: String, position: SourcePosition)]] = [:]
        for (id, pipeline) in pipelines {
            for (target, position) in invokes(in: pipeline.steps) {
                if pipelines[target] != nil {
                    edges[id, default: []].append((target, position))
                } else if complete {
                    let known = pipelines.keys.sorted().joined(separator: ", ")
                    errors.append(error(pipeline.source, position, "invoke of unknown pipeline '\(target)' (known: \(known))"))
                }
            }
        }
        for cycle in cycles(edges) {
            let pipeline = pipelines[cycle[0]]!
            let position = edges[cycle[0]]!.first { $0.target == cycle[1] }!.position
            errors.append(error(pipeline.source, position, "invoke cycle \(cycle.joined(separator: " → "))"))
        }
        return errors
    }

    /// Every `invoke` of `steps` and their children, with the step's position.
    static func invokes(in steps: [StepDefinition]) -> [(String, SourcePosition)] {
        steps.flatMap { step -> [(String, SourcePosition)] in
            if case .invoke(let target, _) = step.config { return [(target, step.targetPosition ?? step.position)] }
            return invokes(in: step.children)
        }
    }

    /// The cycles closed by the back edges of a depth-first search (every cycle of the graph contains one),
    /// each as `[a, b, a]` rotated to start at its smallest id.
    static func cycles(_ edges: [String: [(target: String, position: SourcePosition)]]) -> [[String]] {
        var done: Set<String> = []
        var stack: [String] = []
        var found: Set<[String]> = []
        func visit(_ node: String) {
            stack.append(node)
            for edge in edges[node] ?? [] where !done.contains(edge.target) {
                if let start = stack.firstIndex(of: edge.target) {
                    let cycle = Array(stack[start...])
                    let smallest = cycle.indices.min { cycle[$0] < cycle[$1] }!
                    let rotated = Array(cycle[smallest...] + cycle[..<smallest])
                    found.insert(rotated + [rotated[0]])
                } else {
                    visit(edge.target)
                }
            }
            stack.removeLast()
            done.insert(node)
        }
        for node in edges.keys.sorted() where !done.contains(node) { visit(node) }
        return found.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    private static func error(_ file: String, _ position: SourcePosition, _ message: String) -> LoadError {
        LoadError(file: file, line: position.line, column: position.column, message: message)
    }
}
