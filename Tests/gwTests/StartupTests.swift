import ArgumentParser
import Testing
@testable import gw

/// The start-up shortcut of `GW.run`: the focused root must parse exactly as the full tree does.
@Suite struct StartupTests {
    @Test func topLevelTableNamesEverySubcommand() {
        let full = GW.configuration.subcommands.map { $0._commandName }
        #expect(Set(GW.topLevel.keys) == Set(full))
        for type in GW.configuration.subcommands {
            #expect(GW.topLevel[type._commandName] == type, "\(type._commandName) maps to another type")
        }
    }

    @Test func focusedRootParsesLikeTheFullTree() throws {
        let lines = [["health", "--addr", "http://127.0.0.1:1"], ["runs", "list", "-o", "json"], ["gateway", "pause"]]
        for line in lines {
            let focused = try parseFocused(line)
            let full = try GW.parseAsRoot(line)
            #expect(String(describing: type(of: focused)) == String(describing: type(of: full)))
        }
    }

    @Test func focusedRootReportsErrorsAndHelpAsTheFullTree() {
        for line in [["runs", "list", "--bogus"], ["health", "--addr"], ["gateway", "nope"], ["runs", "get"]] {
            let viaFocused = parseError(GW.topLevel[line[0]]!, line)
            let viaFull = parseErrorFull(line)
            #expect(GW.fullMessage(for: viaFull).contains("gw \(line[0])"))
            #expect(rootFullMessage(GW.topLevel[line[0]]!, viaFocused) == GW.fullMessage(for: viaFull), "\(line)")
            #expect(rootExitCode(GW.topLevel[line[0]]!, viaFocused) == GW.exitCode(for: viaFull), "\(line)")
        }
    }

    private func parseFocused(_ line: [String]) throws -> any ParsableCommand {
        try open(GW.topLevel[line[0]]!, line)
    }

    private func open<S: ParsableCommand>(_: S.Type, _ line: [String]) throws -> any ParsableCommand {
        try GW.Focused<S>.parseAsRoot(line)
    }

    private func parseError(_ subcommand: any ParsableCommand.Type, _ line: [String]) -> any Error {
        func open<S: ParsableCommand>(_: S.Type) -> any Error {
            do {
                _ = try GW.Focused<S>.parseAsRoot(line)
                return CommandExit(0)
            } catch {
                return error
            }
        }
        return open(subcommand)
    }

    @Test func focusedRootPrintsTheSameHelp() {
        #expect(GW.Focused<GW.Health>.helpMessage(for: GW.Health.self) == GW.helpMessage(for: GW.Health.self))
        #expect(GW.Focused<GW.Runs>.helpMessage(for: GW.Runs.List.self) == GW.helpMessage(for: GW.Runs.List.self))
        #expect(GW.helpMessage(for: GW.Runs.List.self).contains("USAGE: gw runs list"))
    }

    private func parseErrorFull(_ line: [String]) -> any Error {
        do {
            _ = try GW.parseAsRoot(line)
            return CommandExit(0)
        } catch {
            return error
        }
    }

    private func rootFullMessage(_ subcommand: any ParsableCommand.Type, _ error: any Error) -> String {
        func open<S: ParsableCommand>(_: S.Type) -> String { GW.Focused<S>.fullMessage(for: error) }
        return open(subcommand)
    }

    private func rootExitCode(_ subcommand: any ParsableCommand.Type, _ error: any Error) -> ExitCode {
        func open<S: ParsableCommand>(_: S.Type) -> ExitCode { GW.Focused<S>.exitCode(for: error) }
        return open(subcommand)
    }
}
