import Foundation

extension RunInterpreter {
    /// The environment every exec step starts from: nothing of gw's own environment, only a PATH.
    static let baseExecEnvironment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]

    /// `exec`: a real child process in its own process group; stdout/stderr lines stream as `step.log`;
    /// a non-zero exit fails the step; timeout and cancel kill the whole group (SIGTERM, then SIGKILL).
    func runExec(_ config: ExecStepConfig, step: StepDefinition, scope: StepScope) async throws -> JSONValue {
        let argv: [String]
        if let run = config.run {
            argv = ["/bin/sh", "-c", try text(run, scope: scope, stepId: step.id)]
        } else {
            argv = try (config.command ?? []).map { try text($0, scope: scope, stepId: step.id) }
        }
        var environment = Self.baseExecEnvironment
        for (name, value) in config.env { environment[name] = try text(value, scope: scope, stepId: step.id) }
        let spec = ProcessSpec(argv: argv, environment: environment,
                               cwd: try config.cwd.map { try text($0, scope: scope, stepId: step.id) },
                               stdin: try config.stdin.map { try text($0, scope: scope, stepId: step.id) })
        let execution = self.execution
        let budget = LogBudget()
        let result: ProcessResult
        do {
            result = try await ProcessRunner.run(spec) { stream, line in
                guard let admitted = budget.admit(line) else { return }
                try? await execution.stepLog(id: step.id, stream: stream.rawValue, line: admitted)
            }
        } catch let error as ProcessRunnerError {
            throw StepFailure(failure: RunFailure(code: "spawn_failed", message: "\(error)", stepId: step.id))
        }
        var output: [String: JSONValue] = ["exitCode": .number(Double(result.exitCode)), "stdout": .string(result.stdout),
                                           "stderr": .string(result.stderr)]
        switch config.parse {
        case .json: output["json"] = (try? JSONValue.parse(Data(result.stdout.utf8))) ?? .null
        case .lines: output["lines"] = .array(result.stdout.split(separator: "\n").map { .string(String($0)) })
        case .text: break
        }
        guard result.exitCode == 0 else {
            let lastLine = result.stderr.split(separator: "\n").last.map { ": \($0)" } ?? ""
            let how = result.signal.map { "was killed by signal \($0)" } ?? "exited with code \(result.exitCode)"
            throw StepFailure(failure: RunFailure(code: "exit_status", message: "\(argv.first ?? "command") \(how)\(lastLine)", stepId: step.id))
        }
        return .object(output)
    }
}
