import ArgumentParser
import GatewayKit

extension CompletionKind {
    /// The top-level step ids of the run named on the line being completed (`gw runs retry RUN --from <TAB>`).
    static var runStepIds: CompletionKind {
        .custom { words, _, prefix in
            guard let runId = LiveStepCompletion.runId(in: words), let client = LiveCompletion.client(words: words) else { return [] }
            let steps = await LiveIds.withTimeout(.milliseconds(800)) { try await client.run(runId).steps.map(\.id) } ?? []
            return LiveIds.unique(steps.filter { !$0.contains("/") && !$0.contains("[") && $0.hasPrefix(prefix) })
        }
    }
}

enum LiveStepCompletion {
    /// Options of `gw runs retry` that take a value (their value is not the run id).
    static let valued: Set<String> = ["--from", "--input", "--set", "--addr", "--token", "-o", "--output", "--reason", "--idempotency-key"]

    /// The first positional word after `retry`.
    static func runId(in words: [String]) -> String? {
        guard let start = words.firstIndex(of: "retry") else { return nil }
        var index = start + 1
        while index < words.count {
            let word = words[index]
            if valued.contains(word) {
                index += 2
                continue
            }
            if !word.hasPrefix("-") && !word.isEmpty { return word }
            index += 1
        }
        return nil
    }
}
