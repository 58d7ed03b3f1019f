import ArgumentParser
import Foundation
import GatewayKit

/// Everything one invocation needs, built once from the global options and the environment.
struct CLIContext: Sendable {
    let client: GatewayClient
    let output: Printer
    let environment: [String: String]
    let isInteractive: Bool

    /// Builds the context: address from `--addr`/`GW_ADDR`, token from `--token`/`GW_TOKEN`/`GW_TOKEN_FILE`/`.gw/admin.token`.
    /// - Throws: `GatewayError` (`bad_request`) for an address that is not a URL.
    static func make(_ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CLIContext {
        let address = global.addr ?? environment["GW_ADDR"] ?? "http://127.0.0.1:7070"
        let normalized = address.contains("://") ? address : "http://\(address)"
        guard let url = URL(string: normalized), url.host != nil else {
            throw GatewayError(.badRequest, "invalid gateway address \"\(address)\": expected a URL such as http://127.0.0.1:7070")
        }
        let token = global.token ?? nonEmpty(environment["GW_TOKEN"]) ?? readToken(environment["GW_TOKEN_FILE"])
            ?? readToken(".gw/admin.token")
        let interactive = isatty(STDOUT_FILENO) == 1
        let color = interactive && !global.noColor && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let format = global.output ?? .table
        return CLIContext(client: GatewayClient(baseURL: url, token: token),
                          output: Printer(format: format, color: color, isTTY: interactive),
                          environment: environment, isInteractive: interactive)
    }

    private static func nonEmpty(_ s: String?) -> String? { (s?.isEmpty ?? true) ? nil : s }

    private static func readToken(_ path: String?) -> String? {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
        return nonEmpty(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// A subcommand that talks to a gateway: it declares `global` and implements `run(_ ctx:)`.
protocol ClientCommand: AsyncParsableCommand {
    var global: GlobalOptions { get }
    func run(_ ctx: CLIContext) async throws
}

extension ClientCommand {
    mutating func run() async throws {
        try await run(try CLIContext.make(global))
    }
}
