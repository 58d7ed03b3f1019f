import OpenAPIRuntime

/// The server side of the OpenAPI contract: one extension per tag (`APIHandler+<Tag>.swift`).
/// Handlers read the input, call the runtime, map the result and return the spec's case;
/// failures are thrown as `GatewayError` and mapped to the error JSON in one middleware.
package struct APIHandler: APIProtocol {
    let runtime: GatewayRuntime

    init(runtime: GatewayRuntime) { self.runtime = runtime }
}
