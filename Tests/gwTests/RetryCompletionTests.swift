import Testing

@testable import gw

/// Completion for `gw runs retry` / `gw runs explain`: run ids for the argument, and for `--from` the steps of the
/// run named on the line.
@Suite struct RetryCompletionTests {
    @Test(arguments: [["runs", "retry"], ["runs", "explain"], ["runs", "why"]])
    func theRunArgumentCompletesToRunIds(path: [String]) {
        #expect(LiveIdKind.forArgument(commandPath: path, argumentIndex: 0) == .runs)
    }

    @Test func theRunIdForFromIsTheFirstWordAfterRetryThatIsNotAnOptionOrItsValue() {
        #expect(LiveStepCompletion.runId(in: ["gw", "runs", "retry", "r1", "--from", ""]) == "r1")
        #expect(LiveStepCompletion.runId(in: ["gw", "runs", "retry", "--addr", "http://x:1", "--current", "r2", "--from", "b"]) == "r2")
        #expect(LiveStepCompletion.runId(in: ["gw", "runs", "retry", "--set", "a=1", "--input", "{}", "r3"]) == "r3")
        #expect(LiveStepCompletion.runId(in: ["gw", "runs", "retry", "--from", ""]) == nil)
        #expect(LiveStepCompletion.runId(in: ["gw", "runs", "get", "r1"]) == nil)
    }
}
