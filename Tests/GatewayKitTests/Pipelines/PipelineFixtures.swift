import Foundation
@testable import GatewayKit

/// Options and helpers shared by the pipeline loading tests.
enum PipelineFixtures {
    /// What the test pipelines are checked against.
    static let options = PipelineSet.Options(execAllow: ["make", "git*", "echo", "/opt/tools/*"], backends: ["local"],
                                             agents: ["coder"], secrets: ["GH_TOKEN"])

    /// The errors of loading `yaml` as `p.yaml`, as `file:line:col: message` lines; empty when it loads.
    static func errors(_ yaml: String, options: PipelineSet.Options = options) -> [String] {
        do {
            _ = try PipelineLoader.parse(yaml, file: "p.yaml", options: options)
            return []
        } catch let e as LoadErrors {
            return e.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// A fresh folder holding `files` (name → content).
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gw-pipelines-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, content) in files {
            try content.write(toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// The errors of loading `files` as a set, with paths relative to their folder.
    static func setErrors(_ files: [String: String]) throws -> [String] {
        let dir = try folder(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try PipelineSet.load(directory: dir, options: options)
            return []
        } catch let e as LoadErrors {
            return e.errors.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        }
    }
}
