import Foundation
import Testing
@testable import GatewayKit

/// The generated ConsoleFiles.swift holds exactly the files of Console/Files (run scripts/embed-console).
@Suite struct ConsoleFilesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GatewayKit/Console/Files")

    @Test func embeddedFilesMatchTheFolder() throws {
        let base = Self.folder.standardizedFileURL.path
        var onDisk: [String: [UInt8]] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: base))
        for case let relative as String in walker {
            let full = base + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            onDisk[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: full)))
        }
        let embedded = ConsoleAssets.decodeEmbedded()
        #expect(!onDisk.isEmpty)
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run scripts/embed-console")
        for (path, bytes) in onDisk {
            let same = embedded[path]?.bytes == bytes
            #expect(same, "\(path) differs from its embedded copy: run scripts/embed-console")
        }
        #expect(embedded["index.html"] != nil)
    }
}
