import Foundation
import GatewayTestSupport
import Testing
@testable import GatewayKit

@Suite struct SessionFilesTests {
    private func sandbox() throws -> (root: String, files: SessionFiles) {
        let dir = TestGateway.makeTemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/cwd/sub", withIntermediateDirectories: true)
        try "secret".write(toFile: dir + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/cwd/link", withDestinationPath: dir)
        return (dir, SessionFiles(cwd: dir + "/cwd"))
    }

    @Test func pathsInsideTheCwdAreAllowed() throws {
        let (dir, files) = try sandbox()
        let root = files.root
        #expect(try files.confined(dir + "/cwd/a.txt") == root + "/a.txt")
        #expect(try files.confined(dir + "/cwd/sub/../b.txt") == root + "/b.txt")
        #expect(try files.confined(dir + "/cwd/new/deeper/c.txt") == root + "/new/deeper/c.txt")
    }

    @Test(arguments: ["/secret.txt", "/cwd/../secret.txt", "/cwd/link/secret.txt", "/cwd/sub/../../secret.txt", "/cwdx/a"])
    func pathsEscapingTheCwdAreRefused(_ suffix: String) throws {
        let (dir, files) = try sandbox()
        #expect(throws: ACPError.self) { try files.confined(dir + suffix) }
        #expect(throws: ACPError.self) { try files.read(["path": .string(dir + suffix)]) }
    }

    @Test func relativeAndMissingPathsAreRefused() throws {
        let (_, files) = try sandbox()
        #expect(throws: ACPError.self) { try files.confined("cwd/a.txt") }
        #expect(throws: ACPError.self) { try files.confined(nil) }
    }

    @Test func writeCreatesFoldersAndReadHonoursLineAndLimit() throws {
        let (dir, files) = try sandbox()
        _ = try files.write(["path": .string(dir + "/cwd/x/y.txt"), "content": "one\ntwo\nthree\nfour"])
        #expect(try files.read(["path": .string(dir + "/cwd/x/y.txt")])["content"] == "one\ntwo\nthree\nfour")
        #expect(try files.read(["path": .string(dir + "/cwd/x/y.txt"), "line": 2, "limit": 2])["content"] == "two\nthree")
    }
}
