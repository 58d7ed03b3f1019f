import ArgumentParser
import Foundation
import GatewayKit

/// Completion of live ids in the generated bash, zsh and fish scripts: the script calls back into
/// `gw`, which asks the gateway (the `--addr`/`--token` on the line, else the environment) with a short
/// timeout and prints nothing when it cannot.
extension CompletionKind {
    /// Pipeline ids.
    static var pipelineIds: CompletionKind { live(.pipelines) }
    /// Run ids, the waiting ones first, then the newest.
    static var runIds: CompletionKind { live(.runs) }
    /// Ids of runs waiting (resume, release).
    static var waitingRunIds: CompletionKind { live(.waitingRuns) }
    /// Ids of runs with a pending approval first, then the other waiting runs.
    static var approvalRunIds: CompletionKind { live(.approvalRuns) }
    /// Schedule ids.
    static var scheduleIds: CompletionKind { live(.schedules) }
    /// Trigger ids.
    static var triggerIds: CompletionKind { live(.triggers) }
    /// Session ids.
    static var sessionIds: CompletionKind { live(.sessions) }

    private static func live(_ kind: LiveIdKind) -> CompletionKind {
        .custom { words, _, prefix in
            guard let client = LiveCompletion.client(words: words) else { return [] }
            return await LiveIds(client: client).fetch(kind).filter { $0.hasPrefix(prefix) }
        }
    }
}

/// Finds the gateway a command line being completed talks to.
enum LiveCompletion {
    /// A client for the `--addr` and `--token` in `words` (either `--addr X` or `--addr=X`), falling back
    /// to the environment like every command does; nil for an address that is not a URL.
    static func client(words: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> GatewayClient?
    {
        var arguments: [String] = []
        if let addr = value(of: "--addr", in: words) { arguments += ["--addr", addr] }
        if let token = value(of: "--token", in: words) { arguments += ["--token", token] }
        guard let global = try? GlobalOptions.parse(arguments) else { return nil }
        return try? CLIContext.make(global, environment: environment).client
    }

    /// The value given to `option` in `words`, the last one when given twice.
    static func value(of option: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count {
                found = words[index + 1]
            } else if word.hasPrefix(option + "=") {
                found = String(word.dropFirst(option.count + 1))
            }
        }
        return found
    }
}
