import Foundation
import GatewayKit

/// What the shell's prompt shows about the gateway: whether it is paused and how many approvals wait.
struct ShellStatus: Equatable, Sendable {
    /// Whether the gateway is paused; nil when unknown.
    var paused: Bool?
    /// Pending approvals; nil when unknown (also while the gateway answers 501 for approvals).
    var approvals: Int?
    /// Whether the gateway could not be reached at all.
    var unreachable = false

    /// Asks the gateway, waiting at most `timeout`; unknown parts stay nil.
    static func fetch(_ client: GatewayClient, timeout: Duration = .milliseconds(500)) async -> ShellStatus {
        async let gateway = LiveIds.withTimeout(timeout) { () async -> Result<GatewayInfo, any Error> in
            do { return .success(try await client.gateway()) } catch { return .failure(error) }
        }
        async let approvals = LiveIds.withTimeout(timeout) { try await client.approvals().count }
        switch await gateway {
        case .success(let state)?:
            return ShellStatus(paused: state.paused, approvals: await approvals)
        case .failure(let error)?:
            guard case .unreachable? = error as? GatewayClientError else { return ShellStatus(approvals: await approvals) }
            return ShellStatus(unreachable: true)
        case nil:
            return ShellStatus(approvals: await approvals)
        }
    }

    /// The prompt's note: `[paused, 2 approvals]`, `[unreachable]`, or empty when there is nothing to say.
    var note: String {
        if unreachable { return " [unreachable]" }
        var parts: [String] = []
        if paused == true { parts.append("paused") }
        if let approvals, approvals > 0 { parts.append(approvals == 1 ? "1 approval" : "\(approvals) approvals") }
        return parts.isEmpty ? "" : " [" + parts.joined(separator: ", ") + "]"
    }
}
