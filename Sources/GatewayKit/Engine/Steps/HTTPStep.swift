import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension RunInterpreter {
    /// `http`: one request; output `{status, headers, body}` (body parsed when JSON). Hosts are checked
    /// against `http.allowHosts`; a status outside `expectStatus` (default 2xx) fails the step.
    func runHTTP(_ config: HTTPStepConfig, step: StepDefinition, scope: StepScope) async throws -> JSONValue {
        var urlText = try text(config.url, scope: scope, stepId: step.id)
        guard var components = URLComponents(string: urlText), let host = components.host,
              ["http", "https"].contains(components.scheme?.lowercased() ?? "") else {
            throw fail(step, "invalid_url", "url \"\(urlText)\" is not an http(s) URL")
        }
        guard Self.hostAllowed(host, services.config.httpAllowHosts) else {
            throw fail(step, "host_not_allowed", "host '\(host)' is not in http.allowHosts")
        }
        if !config.query.isEmpty {
            var items = components.queryItems ?? []
            for (name, value) in config.query.sorted(by: { $0.key < $1.key }) {
                items.append(URLQueryItem(name: name, value: try text(value, scope: scope, stepId: step.id)))
            }
            components.queryItems = items
            urlText = components.string ?? urlText
        }
        var request = HTTPClientRequest(url: urlText)
        request.method = HTTPMethod(rawValue: config.method.uppercased())
        for (name, value) in config.headers { request.headers.replaceOrAdd(name: name, value: try text(value, scope: scope, stepId: step.id)) }
        if let bodyTemplate = config.body {
            let body = try evaluate(bodyTemplate, scope: scope)
            if case .string(let s) = body {
                request.body = .bytes(ByteBuffer(string: s))
            } else {
                request.body = .bytes(ByteBuffer(data: body.jsonData()))
                if !request.headers.contains(name: "content-type") { request.headers.add(name: "Content-Type", value: "application/json") }
            }
        }
        let response = try await services.httpClient.execute(request, timeout: .milliseconds(Int64((step.timeout ?? 300) * 1000)))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        let output = Self.responseJSON(status: Int(response.status.code), headers: response.headers, body: bytes)
        let expected = config.expectStatus ?? Array(200...299)
        guard expected.contains(Int(response.status.code)) else {
            throw fail(step, "unexpected_status", "\(config.method.uppercased()) \(urlText) answered \(response.status.code)")
        }
        return output
    }

    private func fail(_ step: StepDefinition, _ code: String, _ message: String) -> StepFailure {
        StepFailure(failure: RunFailure(code: code, message: message, stepId: step.id))
    }

    static func hostAllowed(_ host: String, _ patterns: [String]) -> Bool {
        patterns.contains { Glob.matches($0.lowercased(), host.lowercased()) }
    }

    static func responseJSON(status: Int, headers: HTTPHeaders, body: ByteBuffer) -> JSONValue {
        var headerObject: [String: JSONValue] = [:]
        for (name, value) in headers { headerObject[name.lowercased()] = .string(value) }
        let data = Data(buffer: body)
        let isJSON = headers.first(name: "content-type")?.lowercased().contains("json") ?? false
        let parsed = isJSON ? (try? JSONValue.parse(data)) : nil
        return ["status": .number(Double(status)), "headers": .object(headerObject),
                "body": parsed ?? .string(String(decoding: data, as: UTF8.self))]
    }
}
