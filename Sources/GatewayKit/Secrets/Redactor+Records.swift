/// Redaction of whole records: every string a run, step, wait or event carries.
extension Redactor {
    func redact(_ f: RunFailure) -> RunFailure {
        RunFailure(code: f.code, message: redact(f.message), stepId: f.stepId)
    }

    func redact(_ w: WaitingOn) -> WaitingOn {
        var out = w
        out.message = w.message.map { redact($0) }
        return out
    }

    func redact(_ s: StepRecord) -> StepRecord {
        var out = s
        out.output = s.output.map { redact($0) }
        out.error = s.error.map { redact($0) }
        return out
    }

    /// The run-level fields (input, output, error, waits); steps are redacted one by one as they are committed.
    func redactRunFields(_ r: RunRecord) -> RunRecord {
        var out = r
        out.input = redact(r.input)
        out.output = r.output.map { redact($0) }
        out.error = r.error.map { redact($0) }
        out.waitingOn = r.waitingOn.map { redact($0) }
        return out
    }
}
