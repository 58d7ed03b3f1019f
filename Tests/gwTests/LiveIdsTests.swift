import Testing

@testable import gw

/// Live-id completion: which arguments complete to which ids, the prompt's gateway note, and the
/// command-line scan the completion scripts' callback uses.
@Suite struct LiveIdsTests {
    @Test(arguments: [
        (["runs", "watch"], LiveIdKind.runs), (["runs", "resume"], .waitingRuns),
        (["runs", "approve"], .approvalRuns), (["approvals", "deny"], .approvalRuns),
        (["pipelines", "start"], .pipelines), (["schedules", "add"], .pipelines), (["chat"], .pipelines),
        (["schedules", "preview"], .schedules), (["triggers", "fire"], .triggers), (["sessions", "rm"], .sessions),
        (["debug", "release"], .waitingRuns),
    ])
    func firstArgumentCompletesToTheRightIds(path: [String], kind: LiveIdKind) {
        #expect(LiveIdKind.forArgument(commandPath: path, argumentIndex: 0) == kind)
    }

    @Test func otherArgumentsHaveNoLiveIds() {
        #expect(LiveIdKind.forArgument(commandPath: ["runs", "list"], argumentIndex: 0) == nil)
        #expect(LiveIdKind.forArgument(commandPath: ["runs", "watch"], argumentIndex: 1) == nil)
        #expect(LiveIdKind.forOption(names: ["--pipeline"]) == .pipelines)
        #expect(LiveIdKind.forOption(names: ["-o", "--output"]) == nil)
    }

    @Test func promptShowsPausedAndPendingApprovals() {
        let address = "http://127.0.0.1:7070"
        #expect(ShellLoop.prompt(address: address, status: ShellStatus()) == "gw 127.0.0.1:7070> ")
        #expect(ShellLoop.prompt(address: address, status: ShellStatus(paused: false, approvals: 0))
            == "gw 127.0.0.1:7070> ")
        #expect(ShellLoop.prompt(address: address, status: ShellStatus(paused: true, approvals: 2))
            == "gw 127.0.0.1:7070 [paused, 2 approvals]> ")
        #expect(ShellLoop.prompt(address: address, status: ShellStatus(paused: false, approvals: 1))
            == "gw 127.0.0.1:7070 [1 approval]> ")
        #expect(ShellLoop.prompt(address: address, status: ShellStatus(unreachable: true))
            == "gw 127.0.0.1:7070 [unreachable]> ")
    }

    @Test func completionCallbackFindsTheAddressOnTheLine() {
        #expect(LiveCompletion.value(of: "--addr", in: ["gw", "runs", "get", "--addr", "http://h:1", ""]) == "http://h:1")
        #expect(LiveCompletion.value(of: "--addr", in: ["gw", "--addr=http://h:2", "runs"]) == "http://h:2")
        #expect(LiveCompletion.value(of: "--token", in: ["gw", "runs"]) == nil)
        let client = LiveCompletion.client(words: ["gw", "--addr", "h:3"], environment: [:])
        #expect(client?.baseURL.absoluteString == "http://h:3")
    }

    @Test func idsKeepTheirFirstOrder() {
        #expect(LiveIds.unique(["w1", "r9", "w1", "r8"]) == ["w1", "r9", "r8"])
    }

    /// Completion must never hang the prompt on a dead gateway: no ids, well before the 5 s connect timeout
    /// would matter (a generous bound: timing on a loaded 2-core machine is noisy).
    @Test func unreachableGatewayGivesNoIds() async throws {
        let client = try #require(LiveCompletion.client(words: ["--addr", "http://127.0.0.1:9"], environment: [:]))
        let started = ContinuousClock.now
        #expect(await LiveIds(client: client).fetch(.runs).isEmpty)
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
