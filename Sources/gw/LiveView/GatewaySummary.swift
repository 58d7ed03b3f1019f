import Foundation
import GatewayKit

/// One screen of gateway state for `gw status`: the gateway record plus runs by status, pending
/// approvals and the next schedule fires. Parts the gateway cannot answer (a route that still
/// answers 501, a missing scope) are left out rather than failing the command.
struct GatewaySummary: Sendable {
    /// The gateway record (`GET /gateway`) as JSON; more keys are added to it.
    var json: JSONValue

    /// Statuses counted among the newest runs.
    static let statuses = ["queued", "running", "waiting", "completed", "failed", "cancelled"]
    /// How many of the newest runs are counted by status.
    static let recent = 1000

    /// Gathers the summary; only `GET /gateway` must succeed.
    static func fetch(_ client: GatewayClient) async throws -> GatewaySummary {
        async let approvals = try? client.approvals()
        async let schedules = try? client.schedules()
        async let runs = try? client.runs(limit: recent)
        var object = Printer.json(try await client.gateway()).objectValue ?? [:]
        if let runs = await runs {
            var counts: [String: JSONValue] = [:]
            for status in statuses { counts[status] = .number(Double(runs.runs.filter { $0.status == status }.count)) }
            object["runsByStatus"] = .object(counts)
            object["runsCounted"] = .number(Double(runs.runs.count))
        }
        if let approvals = await approvals { object["approvalsPending"] = .number(Double(approvals.count)) }
        if let schedules = await schedules {
            let next = schedules.filter { !$0.paused && $0.nextFireAt != nil }
                .sorted { ($0.nextFireAt ?? "") < ($1.nextFireAt ?? "") }.prefix(5)
            object["nextFires"] = .array(next.map { schedule in
                .object(["scheduleId": .string(schedule.id), "pipelineId": .string(schedule.pipelineId),
                         "at": .string(schedule.nextFireAt ?? "")])
            })
        }
        return GatewaySummary(json: .object(object))
    }

    /// `Key  value` rows for the table view.
    var rows: [[String]] {
        var rows: [[String]] = [
            ["Gateway", Printer.cell(json["listen"] ?? .null, nil)], ["Version", Printer.cell(json["version"] ?? .null, nil)],
            ["Paused", Printer.cell(json["paused"] ?? .null, nil)], ["Started", Printer.cell(json["startedAt"] ?? .null, nil)],
            ["Pipelines", Printer.cell(json["pipelines"] ?? .null, nil)],
            ["Runs in flight", Printer.cell(json["runsInFlight"] ?? .null, nil)],
        ]
        if let counts = json["runsByStatus"]?.objectValue {
            let parts = Self.statuses.compactMap { status in counts[status].map { "\(Printer.cell($0, nil)) \(status)" } }
            rows.append(["Runs (newest \(Printer.cell(json["runsCounted"] ?? .null, nil)))", parts.joined(separator: ", ")])
        }
        rows.append(["Approvals pending", json["approvalsPending"].map { Printer.cell($0, nil) } ?? "unknown"])
        let fires = json["nextFires"]?.arrayValue ?? []
        rows.append(["Next fires", fires.isEmpty ? (json["nextFires"] == nil ? "unknown" : "-") : ""])
        for fire in fires {
            rows.append(["", "\(fire["at"]?.stringValue ?? "")  \(fire["scheduleId"]?.stringValue ?? "")"
                + " → \(fire["pipelineId"]?.stringValue ?? "")"])
        }
        return rows
    }
}
