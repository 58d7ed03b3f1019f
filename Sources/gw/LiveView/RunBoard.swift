import Foundation
import GatewayKit

/// What a live run view shows, as plain lines: a header (run, pipeline, status, elapsed), one line per
/// step (status, duration, last log line) and, while the run waits, what it waits on and the command
/// that continues it. Pure: the watcher feeds it run records and log lines, then draws `lines`.
struct RunBoard: Sendable {
    /// The latest run record.
    var run: RunInfo
    /// The last log line of each step, by step id.
    var lastLog: [String: String] = [:]

    /// Records `event` (a run event's JSON); returns whether the run record should be fetched again
    /// (the event changed a step or the run, rather than adding a log line).
    mutating func apply(_ event: JSONValue) -> Bool {
        let type = event["type"]?.stringValue ?? ""
        if type == "step.log" || type == "step.delta" {
            if let step = event["stepId"]?.stringValue,
               let line = event["data"]?["line"]?.stringValue ?? event["data"]?["text"]?.stringValue,
               !line.trimmingCharacters(in: .whitespaces).isEmpty {
                lastLog[step] = line
            }
            return false
        }
        return true
    }

    /// The view at `now`, each line cut to `width` columns.
    func lines(now: Date, width: Int) -> [String] {
        var out = [header(now: now)]
        let idWidth = min(max(run.steps.map(\.id.count).max() ?? 0, 4), 24)
        for step in run.steps {
            let id = step.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let status = step.status.padding(toLength: 9, withPad: " ", startingAt: 0)
            let duration = Self.duration(from: step.startedAt, to: step.finishedAt, now: now)
                .padding(toLength: 7, withPad: " ", startingAt: 0)
            let attempt = step.attempt > 1 ? " (attempt \(step.attempt))" : ""
            out.append("  \(Self.mark(step.status)) \(id)  \(status) \(duration) \(lastLog[step.id] ?? "")\(attempt)")
        }
        out += waitingLines()
        return out.map { Self.cut($0, to: width) }
    }

    private func header(now: Date) -> String {
        let elapsed = Self.duration(from: run.startedAt ?? run.createdAt, to: run.finishedAt, now: now)
        return "run \(run.runId)  \(run.pipelineId)  \(run.status)  \(elapsed)"
    }

    private func waitingLines() -> [String] {
        run.waitingOn.flatMap { waiting in
            let command: String
            switch waiting.kind {
            case "approval": command = "gw runs approve \(run.runId) --step \(waiting.stepId)"
            case "wait": command = "gw runs resume \(run.runId) --step \(waiting.stepId)"
            case "breakpoint": command = "gw debug release \(run.runId)"
            default: command = ""
            }
            let expires = waiting.expiresAt.map { " (expires \($0))" } ?? ""
            return ["waiting on \(waiting.kind) \(waiting.stepId)\(expires)"] + (command.isEmpty ? [] : ["  \(command)"])
        }
    }

    /// A symbol per step status.
    static func mark(_ status: String) -> String {
        switch status {
        case "completed": "✔"
        case "failed": "✘"
        case "running": "▶"
        case "waiting": "⏸"
        case "cancelled": "■"
        case "skipped": "-"
        default: "·"
        }
    }

    /// `1.2s`, `3m4s`: from `start` to `end` (or `now` while not ended); empty without a start.
    static func duration(from start: String?, to end: String?, now: Date) -> String {
        guard let start, let begun = Timestamp.parse(start) else { return "" }
        let finished = end.flatMap(Timestamp.parse) ?? now
        let seconds = max(0, finished.timeIntervalSince(begun))
        if seconds < 10 { return String(format: "%.1fs", seconds) }
        return DurationParser.format(seconds.rounded(.down))
    }

    /// `line` cut to `width` characters (the redraw counts lines, so none may wrap).
    static func cut(_ line: String, to width: Int) -> String {
        line.count <= width ? line : String(line.prefix(max(width - 1, 1))) + "…"
    }
}
