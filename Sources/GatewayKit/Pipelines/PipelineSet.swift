import Foundation

/// Every pipeline loaded from a folder, by id. Loading is all-or-nothing.
public struct PipelineSet: Sendable {
    /// What a pipeline file is validated against (from `gw.yaml`).
    public struct Options: Sendable {
        public var execAllow: [String]
        public var backends: Set<String>
        public var agents: Set<String>
        public var secrets: Set<String>
        public init(execAllow: [String] = [], backends: Set<String> = [], agents: Set<String> = [], secrets: Set<String> = []) {
            self.execAllow = execAllow
            self.backends = backends
            self.agents = agents
            self.secrets = secrets
        }

        /// What `config` lets pipelines use: its exec.allow, backend, agent and secret names.
        public init(config: GatewayConfig) {
            self.init(execAllow: config.execAllow, backends: Set(config.backends.keys), agents: Set(config.agents.keys),
                      secrets: Set(config.secrets.keys))
        }
    }

    /// The pipelines by id.
    public var pipelines: [String: Pipeline]

    public init(pipelines: [String: Pipeline] = [:]) { self.pipelines = pipelines }

    /// Loads every `*.yaml` / `*.yml` file of `directory` (a missing folder is an empty set).
    /// - Throws: `LoadErrors` with every error of every file.
    public static func load(directory: String, options: Options) throws -> PipelineSet {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
        return try load(files: files, options: options)
    }

    /// Loads the given pipeline files as one set, then checks what spans files: duplicate pipeline and
    /// trigger ids, `invoke` targets and `invoke` cycles.
    /// - Throws: `LoadErrors` with every error of every file.
    public static func load(files: [String], options: Options) throws -> PipelineSet {
        var errors: [LoadError] = []
        var loaded: [LoadedPipeline] = []
        for file in files {
            do {
                loaded.append(try PipelineLoader.read(file: file, options: options))
            } catch let e as LoadErrors {
                errors += e.errors
            }
        }
        let (pipelines, setErrors) = check(loaded, complete: errors.isEmpty)
        errors += setErrors
        if !errors.isEmpty { throw LoadErrors(errors) }
        return PipelineSet(pipelines: pipelines)
    }
}
