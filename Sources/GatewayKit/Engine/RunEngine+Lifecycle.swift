import Foundation
import Logging
import ServiceLifecycle

extension RunEngine: Service {
    /// Recovers unfinished runs, then on graceful shutdown stops accepting runs, lets running steps finish
    /// for `shutdownGrace`, and interrupts the rest (they resume at the next start).
    package func run() async throws {
        await connectParking()
        try await recover()
        try? await gracefulShutdown()
        accepting = false
        await drain(grace: services.config.shutdownGrace)
    }

    /// Starts every run that was queued, running or waiting when the gateway stopped.
    func recover() async throws {
        let parked = try await reparkWaitingRuns()
        let unfinished = try await store.unfinishedRuns()
        for (runId, lastSeq) in unfinished where !parked.contains(runId) {
            guard active[runId] == nil, let record = try await store.run(runId) else { continue }
            let execution = RunExecution(record: record, lastSeq: lastSeq, store: store, hub: hub, redaction: redaction, metrics: services.metrics)
            do {
                let pipeline = try await pinnedPipeline(record)
                trackInFlight(+1)
                launch(execution, pipeline: pipeline, input: record.input, depth: 0)
            } catch {
                let failure = RunFailure(code: "pipeline_unavailable", message: "cannot resume: \(error)")
                try? await execution.finish(.failed, failure: failure)
            }
        }
        if !unfinished.isEmpty {
            services.logger.notice("resumed \(unfinished.count) unfinished run(s), \(parked.count) of them parked where they wait")
        }
    }

    /// The exact pipeline version the run started with: the loaded one when unchanged, else the pinned text.
    func pinnedPipeline(_ record: RunRecord) async throws -> Pipeline {
        try await pinnedPipeline(id: record.pipelineId, version: record.pipelineVersion)
    }

    func pinnedPipeline(id: String, version: String) async throws -> Pipeline {
        if let current = pipelines().pipelines[id], current.version == version { return current }
        guard let pinned = try await store.pipelineSource(version: version), !pinned.source.isEmpty else {
            throw GatewayError.notFound("pipeline version \(version) of '\(id)'")
        }
        let directory = NSTemporaryDirectory() + "gw-pinned-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/" + ((pinned.file as NSString).lastPathComponent)
        try pinned.source.write(toFile: file, atomically: true, encoding: .utf8)
        var pipeline = try PipelineLoader.load(file: file, options: options())
        pipeline.source = pinned.file
        return pipeline
    }

    /// Waits for runs with running steps to end (at most `grace` seconds), then interrupts every run left.
    func drain(grace: Double) async {
        let deadline = ContinuousClock.now + .milliseconds(Int64(grace * 1000))
        while ContinuousClock.now < deadline {
            var busy = 0
            for run in active.values where await run.execution.record.status != .waiting { busy += 1 }
            if busy == 0 { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let remaining = Array(active.values)
        for run in remaining { run.task.cancel() }
        for run in remaining { await run.task.value }
    }
}
