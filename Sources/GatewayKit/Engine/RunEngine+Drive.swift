import Foundation

extension RunEngine {
    /// Runs a pipeline to its end and records the outcome. A run interrupted by shutdown is left as it is
    /// (it resumes at the next start); one cancelled by a person ends `cancelled`.
    /// - Returns: true when the run parked (it waits without a task, see `ParkingLot`).
    @discardableResult
    static func drive(_ interpreter: RunInterpreter, engine: RunEngine) async -> Bool {
        let execution = interpreter.execution
        let pipeline = interpreter.pipeline
        let root = StepScope()
        let started = ContinuousClock.now
        var status: RunStatus?
        do {
            try await execution.markStarted()
            let last = try await withTimeout(pipeline.timeout) { try await interpreter.runSteps(pipeline.steps, scope: root) }
            let output = try pipeline.output.map { try interpreter.evaluate($0, scope: root) } ?? last ?? .null
            try await execution.finish(.completed, output: output)
            status = .completed
        } catch is RunParked {
            return true
        } catch let timeout as TimeoutExpired {
            let failure = RunFailure(code: "timeout", message: "run \(timeout) (pipeline timeout)")
            try? await execution.finish(.failed, failure: failure)
            status = .failed
        } catch {
            if error is CancellationError || Task.isCancelled {
                guard await engine.isCancelRequested(execution.runIdentifier) else { return false }
                let actor = await engine.cancelActor(execution.runIdentifier)
                try? await execution.finish(.cancelled, data: ["actor": .string(actor)])
                status = .cancelled
            } else {
                let failure = RunInterpreter.failure(error, stepId: "")
                try? await execution.finish(.failed, failure: RunFailure(code: failure.code, message: failure.message,
                                                                         stepId: failure.stepId?.isEmpty == true ? nil : failure.stepId))
                status = .failed
            }
        }
        if let status {
            interpreter.services.metrics.runsFinished(pipeline: pipeline.id, status: status.rawValue).increment()
            interpreter.services.metrics.runDuration(pipeline: pipeline.id).record(seconds(since: started))
        }
        return false
    }
}
