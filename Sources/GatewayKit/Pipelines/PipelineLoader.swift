import Crypto
import Foundation

/// Reads one pipeline file into a `Pipeline`, checking everything DESIGN §2.2 lists and reporting
/// every error with file:line:col.
///
/// One loader reads one file: it collects errors instead of stopping at the first (at least one per
/// step), checks expression references once every step id is known, and throws them all together.
public final class PipelineLoader {
    /// Keys a pipeline file may have.
    static let topLevelKeys = ["id", "description", "input", "timeout", "openai", "triggers", "steps", "output"]
    /// The form of pipeline ids.
    static let idPattern = "^[a-z0-9][a-z0-9._-]*$"

    /// The file being read (for messages).
    let file: String
    /// What the file is checked against (from `gw.yaml`).
    let options: PipelineSet.Options
    /// The source, one array of characters per line, to place expression errors on their column.
    let lines: [[Character]]
    /// Every error found so far.
    var errors: [LoadError] = []
    /// The names and steps an expression may use at the point being read.
    var scope = ReferenceScope(roots: ReferenceScope.pipelineRoots, visibleSteps: [], stepID: nil)
    /// References noted while reading, checked once every step id is known.
    var pendingReferences: [PendingReference] = []
    /// Every step id of the pipeline with where it is defined.
    var stepPositions: [String: SourcePosition] = [:]
    /// Step ids in document order.
    var declaredSteps: [String] = []
    /// Where each trigger id is written.
    var triggerPositions: [String: SourcePosition] = [:]

    private init(file: String, text: String, options: PipelineSet.Options) {
        self.file = file
        self.options = options
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array(line.hasSuffix("\r") ? line.dropLast() : line)
        }
    }

    // MARK: - Entry points

    /// Loads and validates one file.
    /// - Throws: `LoadErrors` with every error found in the file.
    public static func load(file: String, options: PipelineSet.Options) throws -> Pipeline {
        try read(file: file, options: options).pipeline
    }

    /// Validates `text` as the content of `file` (which is not read).
    /// - Throws: `LoadErrors` with every error found.
    package static func parse(_ text: String, file: String, options: PipelineSet.Options) throws -> Pipeline {
        try parseLoaded(text, file: file, options: options).pipeline
    }

    /// Loads one file, keeping the positions the set-wide checks need.
    /// - Throws: `LoadErrors`.
    static func read(file: String, options: PipelineSet.Options) throws -> LoadedPipeline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LoadErrors([LoadError(file: file, line: 0, column: 0, message: "cannot read the pipeline file")])
        }
        return try parseLoaded(String(decoding: data, as: UTF8.self), file: file, options: options)
    }

    /// Validates `text`; the version is the hash of its UTF-8 bytes, as for a file.
    /// - Throws: `LoadErrors`.
    static func parseLoaded(_ text: String, file: String, options: PipelineSet.Options) throws -> LoadedPipeline {
        let loader = PipelineLoader(file: file, text: text, options: options)
        let loaded = loader.document(text, version: version(of: Data(text.utf8)))
        loader.checkReferences()
        guard let loaded, loader.errors.isEmpty else {
            throw LoadErrors(loader.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return loaded
    }

    /// The first 16 hex digits of the SHA-256 of the file's bytes.
    static func version(of data: Data) -> String {
        String(SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined().prefix(16))
    }

    // MARK: - Top level

    private func document(_ text: String, version: String) -> LoadedPipeline? {
        guard let root = attempt({ try YAMLReader.document(text, file: file) }),
            let members = attempt({ try root.mapping(what: "a pipeline") })
        else { return nil }
        // `x-…` keys are the authors' own (a place to define `&anchors`), as in Compose files.
        checkKeys(members.filter { !$0.key.hasPrefix("x-") }, allowed: Self.topLevelKeys, what: "a pipeline")
        let fields = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var pipeline = Pipeline(id: "", description: nil, version: version, source: file, openai: false,
                                inputSchema: nil, timeout: nil, steps: [], triggers: [], output: nil)
        pipeline.sourceText = text
        let id = fields["id"].flatMap { r in attempt { try pipelineID(r) } }
        if fields["id"] == nil { errors.append(root.error("a pipeline needs an id")) }
        pipeline.description = fields["description"].flatMap { r in attempt { try r.string(what: "description") } }
        pipeline.inputSchema = fields["input"].flatMap { schema($0, what: "input") }
        pipeline.timeout = fields["timeout"].flatMap { r in attempt { try positiveDuration(r, what: "timeout") } }
        pipeline.openai = fields["openai"].flatMap { r in attempt { try r.bool(what: "openai") } } ?? false
        pipeline.triggers = fields["triggers"].map(triggers) ?? []
        if let steps = fields["steps"] {
            pipeline.steps = self.steps(steps, what: "steps", concurrent: false, allowEmpty: true)
        } else {
            errors.append(root.error("a pipeline needs steps"))
        }
        scope = ReferenceScope(roots: ReferenceScope.pipelineRoots, visibleSteps: nil, stepID: nil)
        pipeline.output = fields["output"].flatMap { r in attempt { try valueTemplate(r, what: "output") } }
        guard let id else { return nil }
        pipeline.id = id
        return LoadedPipeline(pipeline: pipeline, idPosition: position(of: fields["id"]!),
                              triggerPositions: triggerPositions)
    }

    private func pipelineID(_ r: YAMLReader) throws -> String {
        let id = try r.string(what: "id")
        guard id.range(of: Self.idPattern, options: .regularExpression) != nil else {
            throw r.error("id '\(id)' must match [a-z0-9][a-z0-9._-]*")
        }
        return id
    }
}

/// A pipeline with the positions `PipelineSet` needs for its set-wide checks.
struct LoadedPipeline {
    /// The pipeline.
    var pipeline: Pipeline
    /// Where its id is written.
    var idPosition: SourcePosition
    /// Where each trigger id is written.
    var triggerPositions: [String: SourcePosition]
}
