import ArgumentParser
import Foundation
import GatewayKit
import Testing
@testable import gw

/// Parses `arguments` as `gw` would and returns the leaf command as `T`.
private func parse<T>(_ arguments: [String], as type: T.Type = T.self) throws -> T {
    let command = try GW.parseAsRoot(arguments)
    return try #require(command as? T, "parsed \(Swift.type(of: command)), expected \(T.self)")
}

/// Whether `arguments` fail to parse with a message containing `text`.
private func rejects(_ arguments: [String], saying text: String = "") -> Bool {
    parseError(arguments)?.contains(text) ?? false
}

/// The arguments of `gw pipelines run deploy` followed by `more`.
private func runDeploy(_ more: String...) -> [String] { ["pipelines", "run", "deploy"] + more }

/// The message gw prints for the parse error of `arguments`, or nil when they parse.
private func parseError(_ arguments: [String]) -> String? {
    do {
        _ = try GW.parseAsRoot(arguments)
        return nil
    } catch {
        return GW.message(for: error)
    }
}

@Suite struct PipelinesParseTests {
    @Test func listAndGetParse() throws {
        _ = try parse(["pipelines", "list", "-o", "json"], as: GW.Pipelines.List.self)
        #expect(try parse(["pipelines", "get", "deploy"], as: GW.Pipelines.Get.self).pipeline == "deploy")
    }

    @Test func runWaitsThirtySecondsByDefault() throws {
        let run = try parse(["pipelines", "run", "deploy"], as: GW.Pipelines.Run.self)
        #expect(run.pipeline == "deploy")
        #expect(run.wait == "30s")
        #expect(try run.inputOptions.value() == nil)
        #expect(run.idempotency.idempotencyKey == nil)
    }

    @Test func runTakesInputWaitAndIdempotencyKey() throws {
        let run = try parse(["pipelines", "run", "deploy", "--input", #"{"ref":"main"}"#, "--wait", "5m",
                             "--idempotency-key", "release-42"], as: GW.Pipelines.Run.self)
        #expect(run.wait == "5m")
        #expect(try run.inputOptions.value() == ["ref": "main"])
        #expect(run.idempotency.idempotencyKey == "release-42")
    }

    @Test func runRejectsABadWaitAndALongIdempotencyKey() {
        #expect(rejects(runDeploy("--wait", "soon"), saying: "--wait soon"))
        #expect(rejects(runDeploy("--idempotency-key", String(repeating: "k", count: 256)), saying: "255"))
    }

    @Test func startFollows() throws {
        #expect(try parse(["pipelines", "start", "deploy", "--follow"], as: GW.Pipelines.Start.self).follow)
        #expect(try !parse(["pipelines", "start", "deploy"], as: GW.Pipelines.Start.self).follow)
    }
}

@Suite struct InputOptionsTests {
    @Test func setBuildsNestedObjects() throws {
        let run = try parse(["pipelines", "run", "deploy", "--set", "a.b=1", "--set", "c=x"], as: GW.Pipelines.Run.self)
        #expect(try run.inputOptions.value() == ["a": ["b": 1], "c": "x"])
    }

    @Test func setParsesJSONValuesAndKeepsOtherTextAsStrings() throws {
        let assignments = ["n=2.5", "flag=true", "list=[1,2]", "empty=", "quoted=\"7\"", "word=hello world"]
        let input = try InputOptions.merge(nil, assignments)
        #expect(input == ["n": 2.5, "flag": true, "list": [1, 2], "empty": "", "quoted": "7", "word": "hello world"])
    }

    @Test func setAppliesOnTopOfInput() throws {
        let run = try parse(["pipelines", "run", "deploy", "--input", #"{"a":{"x":0},"c":1}"#, "--set", "a.b=1"],
                            as: GW.Pipelines.Run.self)
        #expect(try run.inputOptions.value() == ["a": ["x": 0, "b": 1], "c": 1])
    }

    @Test func badInputIsAUsageError() throws {
        #expect(rejects(runDeploy("--input", "{nope"), saying: "--input is not valid JSON"))
        let error = #expect(throws: (any Error).self) { try GW.parseAsRoot(runDeploy("--input", "{nope")) }
        #expect(error.map { GW.exitCode(for: $0) } == .validationFailure)
    }

    @Test func badSetIsAUsageError() {
        #expect(rejects(runDeploy("--set", "novalue"), saying: "expected key=value"))
        #expect(rejects(runDeploy("--set", "a..b=1"), saying: "empty key"))
        #expect(rejects(runDeploy("--set", "a=1", "--set", "a.b=2"), saying: "not an object"))
        #expect(rejects(runDeploy("--input", "[1]", "--set", "a=1"), saying: "JSON object"))
    }

    @Test func inputFromAFileOrStdin() throws {
        let fromFile = try parse(runDeploy("--input", "@in.json", "--set", "b=2"), as: GW.Pipelines.Run.self)
        let read = try fromFile.inputOptions.value(
            readFile: { $0 == "in.json" ? Data(#"{"a":1}"#.utf8) : nil }, readStdin: { Data() })
        #expect(read == ["a": 1, "b": 2])
        let fromStdin = try parse(["triggers", "fire", "nightly", "--input", "-"], as: GW.Triggers.Fire.self)
        #expect(try fromStdin.inputOptions.value(readFile: { _ in nil }, readStdin: { Data("[true]".utf8) }) == [true])
    }

    @Test func unreadableOrInvalidFileIsAValidationError() throws {
        let run = try parse(runDeploy("--input", "@missing.json"), as: GW.Pipelines.Run.self)
        #expect(throws: ValidationError.self) {
            try run.inputOptions.value(readFile: { _ in nil }, readStdin: { Data() })
        }
        #expect(throws: ValidationError.self) {
            try run.inputOptions.value(readFile: { _ in Data("{".utf8) }, readStdin: { Data() })
        }
    }
}

@Suite struct RunsParseTests {
    @Test func listFilters() throws {
        let list = try parse(["runs", "list", "--pipeline", "deploy", "--status", "waiting", "--limit", "5",
                              "--cursor", "c1"], as: GW.Runs.List.self)
        #expect(list.pipeline == "deploy" && list.status == "waiting" && list.limit == 5 && list.cursor == "c1")
        #expect(rejects(["runs", "list", "--limit", "0"], saying: "--limit"))
    }

    @Test func getEventsWatchCancel() throws {
        #expect(try parse(["runs", "get", "R1"], as: GW.Runs.Get.self).runId == "R1")
        let events = try parse(["runs", "events", "R1", "--follow", "--since", "3"], as: GW.Runs.Events.self)
        #expect(events.runId == "R1" && events.follow && events.since == 3)
        #expect(rejects(["runs", "events", "R1", "--follow", "--limit", "10"], saying: "--follow"))
        #expect(try parse(["runs", "watch", "R1"], as: GW.Runs.Watch.self).runId == "R1")
        #expect(try parse(["runs", "cancel", "R1"], as: GW.Runs.Cancel.self).runId == "R1")
    }

    @Test func resumeOutputIsTheStepOutputAndDashOIsTheFormat() throws {
        let resume = try parse(["runs", "resume", "R1", "--step", "collect", "--output", "@f.json", "-o", "json"],
                               as: GW.Runs.Resume.self)
        #expect(resume.runId == "R1" && resume.step == "collect" && resume.stepOutput == "@f.json")
        #expect(resume.global.output == .json)
        let inline = try parse(["runs", "resume", "R1", "--output", #"{"ok":true}"#], as: GW.Runs.Resume.self)
        #expect(inline.stepOutput == #"{"ok":true}"# && inline.global.output == nil)
        #expect(rejects(["runs", "resume", "R1", "--output", "{bad"], saying: "--output is not valid JSON"))
    }

    @Test func approveAndDenyAreTheApprovalsCommands() throws {
        let approve = try parse(["runs", "approve", "R1", "--step", "ship-ok", "--reason", "fine"],
                                as: GW.Approvals.Approve.self)
        #expect(approve.decision.runId == "R1" && approve.decision.step == "ship-ok")
        #expect(approve.decision.reason == "fine")
        #expect(try parse(["runs", "deny", "R1"], as: GW.Approvals.Deny.self).decision.runId == "R1")
    }
}

@Suite struct ApprovalsAndTriggersParseTests {
    @Test func approvals() throws {
        _ = try parse(["approvals", "list"], as: GW.Approvals.List.self)
        let approve = try parse(["approvals", "approve", "R1", "--reason", "looks good"], as: GW.Approvals.Approve.self)
        #expect(approve.decision.reason == "looks good" && approve.decision.step == nil)
        let deny = try parse(["approvals", "deny", "R1", "--step", "gate", "--reason", "freeze"],
                             as: GW.Approvals.Deny.self)
        #expect(deny.decision.step == "gate" && deny.decision.reason == "freeze")
    }

    @Test func triggers() throws {
        _ = try parse(["triggers", "list", "-o", "yaml"], as: GW.Triggers.List.self)
        let fire = try parse(["triggers", "fire", "nightly", "--set", "a=1", "--idempotency-key", "k"],
                             as: GW.Triggers.Fire.self)
        #expect(fire.trigger == "nightly" && fire.idempotency.idempotencyKey == "k")
        #expect(try fire.inputOptions.value() == ["a": 1])
    }
}

@Suite struct SchedulesParseTests {
    @Test func addWithCronAndZone() throws {
        let add = try parse(["schedules", "add", "deploy", "--cron", "0 3 * * *", "--tz", "Europe/Berlin"],
                            as: GW.Schedules.Add.self)
        #expect(add.pipeline == "deploy" && add.cron == "0 3 * * *" && add.timezone == "Europe/Berlin")
        #expect(add.every == nil && add.at == nil && add.overlap == nil)
    }

    @Test func addWithEveryAndTheOtherOptions() throws {
        let add = try parse(["schedules", "add", "report", "--every", "15m", "--overlap", "queue", "--catchup", "none",
                             "--jitter", "30s", "--id", "r1", "--set", "format=pdf"], as: GW.Schedules.Add.self)
        #expect(add.every == "15m" && add.overlap == .queue && add.catchup == ScheduleCatchup.none)
        #expect(add.jitter == "30s" && add.id == "r1")
        #expect(try add.inputOptions.value() == ["format": "pdf"])
        let once = try parse(["schedules", "add", "x", "--at", "2026-12-01T02:00:00.000Z"], as: GW.Schedules.Add.self)
        #expect(once.at == "2026-12-01T02:00:00.000Z")
    }

    @Test func addNeedsExactlyOneSpec() {
        let both = ["schedules", "add", "deploy", "--every", "5m", "--cron", "* * * * *"]
        #expect(rejects(both, saying: "--cron and --every cannot be combined"))
        #expect(rejects(["schedules", "add", "deploy"], saying: "give one of"))
        #expect(rejects(["schedules", "add", "deploy", "--every", "500ms"], saying: "at least 1s"))
        #expect(rejects(["schedules", "add", "deploy", "--every", "5m", "--overlap", "sometimes"], saying: "sometimes"))
    }

    @Test func otherLeaves() throws {
        _ = try parse(["schedules", "list"], as: GW.Schedules.List.self)
        #expect(try parse(["schedules", "get", "s1"], as: GW.Schedules.Get.self).schedule == "s1")
        #expect(try parse(["schedules", "rm", "s1"], as: GW.Schedules.Remove.self).schedule == "s1")
        #expect(try parse(["schedules", "pause", "s1"], as: GW.Schedules.Pause.self).schedule == "s1")
        #expect(try parse(["schedules", "resume", "s1"], as: GW.Schedules.Resume.self).schedule == "s1")
        #expect(try parse(["schedules", "preview", "s1", "--count", "5"], as: GW.Schedules.Preview.self).count == 5)
        #expect(rejects(["schedules", "preview", "s1", "--count", "0"], saying: "--count"))
    }
}

@Suite struct SessionsDebugAuditChatParseTests {
    @Test func sessions() throws {
        _ = try parse(["sessions", "list"], as: GW.Sessions.List.self)
        #expect(try parse(["sessions", "get", "S1"], as: GW.Sessions.Get.self).session == "S1")
        #expect(try parse(["sessions", "resume", "S1"], as: GW.Sessions.Resume.self).session == "S1")
        let prune = try parse(["sessions", "prune", "--expired", "--older-than", "7d"], as: GW.Sessions.Prune.self)
        #expect(prune.expired && prune.olderThan == "7d")
        #expect(rejects(["sessions", "prune", "--older-than", "a week"], saying: "--older-than"))
        #expect(try parse(["sessions", "rm", "S1"], as: GW.Sessions.Remove.self).session == "S1")
    }

    @Test func debug() throws {
        _ = try parse(["debug", "breakpoints"], as: GW.Debug.Breakpoints.self)
        let add = try parse(["debug", "add", "ship", "--pipeline", "deploy"], as: GW.Debug.Add.self)
        #expect(add.step == "ship" && add.pipeline == "deploy")
        let remove = try parse(["debug", "rm", "ship", "--pipeline", "deploy"], as: GW.Debug.Remove.self)
        #expect(remove.step == "ship" && remove.pipeline == "deploy")
        _ = try parse(["debug", "runs"], as: GW.Debug.Runs.self)
        let release = try parse(["debug", "release", "R1", "--step"], as: GW.Debug.Release.self)
        #expect(release.runId == "R1" && release.step)
        #expect(try !parse(["debug", "release", "R1"], as: GW.Debug.Release.self).step)
    }

    @Test func audit() throws {
        let list = try parse(["audit", "list", "--run-id", "R1", "--actor", "alice", "--action", "approve",
                              "--since", "2026-11-01T00:00:00.000Z", "--until", "2026-12-01T00:00:00.000Z",
                              "--limit", "10", "--cursor", "c2"], as: GW.Audit.List.self)
        #expect(list.runId == "R1" && list.actor == "alice" && list.action == "approve")
        #expect(list.since == "2026-11-01T00:00:00.000Z" && list.until == "2026-12-01T00:00:00.000Z")
        #expect(list.limit == 10 && list.cursor == "c2")
        _ = try parse(["audit", "verify"], as: GW.Audit.Verify.self)
    }

    @Test func chatTakesAPipelineAndAnOptionalMessage() throws {
        let chat = try parse(["chat", "assistant", "hello"], as: GW.Chat.self)
        #expect(chat.pipeline == "assistant" && chat.message == "hello")
        #expect(try parse(["chat", "assistant"], as: GW.Chat.self).message == nil)
    }
}

@Suite struct RunOutcomeTests {
    @Test(arguments: [("completed", 0), ("failed", 3), ("cancelled", 4), ("running", 5), ("waiting", 5), ("queued", 5),
                      ("paused-by-future-engine", 5)] as [(String, Int32)])
    func statusMapsToTheContractsExitCode(status: String, code: Int32) {
        #expect(RunOutcome.exitCode(forStatus: status) == code)
    }

    @Test func notImplementedRoutesExitOne() {
        #expect(ExitCodes.code(for: GatewayError.notImplemented("listing runs")) == ExitCodes.error)
    }
}

@Suite struct HelpTextTests {
    static let groups: [any ParsableCommand.Type] = [
        GW.Pipelines.self, GW.Runs.self, GW.Approvals.self, GW.Triggers.self, GW.Schedules.self, GW.Sessions.self,
        GW.Debug.self, GW.Audit.self,
    ]

    @Test func everyLeafHasAOneLineAbstractAndAnExample() {
        let leaves: [any ParsableCommand.Type] = Self.groups.flatMap { $0.configuration.subcommands } + [GW.Chat.self]
        for leaf in leaves {
            let configuration = leaf.configuration
            #expect(!configuration.abstract.isEmpty && !configuration.abstract.hasSuffix("."), "\(leaf)")
            #expect(!configuration.abstract.contains("\n"), "\(leaf)")
            #expect(configuration.discussion.contains("  gw "), "\(leaf) has no example")
        }
    }

    @Test func everyGroupRendersHelp() {
        for group in Self.groups { #expect(group.helpMessage().contains("SUBCOMMANDS")) }
        #expect(GW.Runs.Resume.helpMessage().contains("--output <json|@file|->"))
    }
}
